package io.zrt.e2e.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Files of the repository the compose tests read, found from the working directory upwards. */
public final class RepoFiles {

    public static final Path ROOT = findRoot();

    private RepoFiles() {
    }

    public static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComposeFile compose() {
        return ComposeFile.parse(read("docker-compose.yml"));
    }

    static Map<String, String> envExample() {
        return ComposeRules.parseEnvFile(read(".env.example"));
    }

    /** A JSON file as maps and lists (JSON is read by the YAML loader). */
    static Map<String, Object> json(String relative) {
        return ComposeFile.asMap(ComposeFile.yaml().load(read(relative)), relative);
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }
}
