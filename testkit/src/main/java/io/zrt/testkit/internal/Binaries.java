package io.zrt.testkit.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Locates a server binary: the path named by an environment variable, else {@code PATH}, else
 * {@code $GOPATH/bin}, else {@code ~/go/bin} (where {@code go install} puts it).
 */
public final class Binaries {

    private Binaries() {
    }

    public static Optional<Path> locate(String executableName, String overrideVariable) {
        Optional<String> override = Settings.get(overrideVariable);
        if (override.isPresent()) {
            Path path = Path.of(override.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        return candidates(executableName).stream().filter(Files::isExecutable).findFirst();
    }

    private static List<Path> candidates(String executableName) {
        List<Path> result = new ArrayList<>();
        String pathVariable = System.getenv("PATH");
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    result.add(Path.of(dir, executableName));
                }
            }
        }
        String gopath = System.getenv("GOPATH");
        if (gopath != null && !gopath.isBlank()) {
            for (String dir : gopath.split(File.pathSeparator)) {
                result.add(Path.of(dir, "bin", executableName));
            }
        }
        result.add(Path.of(System.getProperty("user.home"), "go", "bin", executableName));
        return result;
    }
}
