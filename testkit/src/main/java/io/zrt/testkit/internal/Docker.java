package io.zrt.testkit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * Whether Testcontainers can be used. Testcontainers' own discovery is slow and noisy when no engine
 * exists, so a cheap look for any sign of an engine (DOCKER_HOST, a socket file, a Testcontainers config)
 * comes first; only then is {@link DockerClientFactory#isDockerAvailable()} asked, once per JVM.
 */
public final class Docker {

    private static Boolean available;

    private Docker() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            available = Settings.dockerAllowed() && engineHinted() && askTestcontainers();
        }
        return available;
    }

    static boolean engineHinted() {
        if (System.getenv("DOCKER_HOST") != null || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null) {
            return true;
        }
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        List<Path> hints = new java.util.ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of(home, ".docker", "run", "docker.sock"),
                Path.of(home, ".docker", "desktop", "docker.sock"),
                Path.of(home, ".testcontainers.properties")));
        if (runtimeDir != null) {
            hints.add(Path.of(runtimeDir, "docker.sock"));
            hints.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return hints.stream().anyMatch(Files::exists);
    }

    private static boolean askTestcontainers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
