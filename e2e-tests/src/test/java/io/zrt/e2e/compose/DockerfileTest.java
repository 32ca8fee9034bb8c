package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The three service Dockerfiles build, layer and run the right module's production jar. */
class DockerfileTest {

    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");

    static List<Integer> ports(String module) {
        int server = ServicePorts.serverPort(module);
        int management = ServicePorts.managementPort(module);
        return server == management ? List.of(server) : List.of(server, management);
    }

    @Test
    void everyServiceDockerfileBuildsLayersAndRunsItsOwnJar() {
        ComposeFileTest.BUILT.forEach((module, dockerfile) -> {
            String text = RepoFiles.read(dockerfile);
            assertThat(DockerfileRules.violations(text, module, ports(module))).as(dockerfile).isEmpty();
            assertThat(text).contains(module + "/target/" + module + ".jar");
        });
    }

    @Test
    void theJarPathInEachDockerfileIsWhatTheModuleBuilds() {
        ComposeFileTest.BUILT.keySet().forEach(module -> {
            Matcher m = FINAL_NAME.matcher(RepoFiles.read(module + "/pom.xml"));
            assertThat(m.find()).as("%s/pom.xml sets a finalName", module).isTrue();
            assertThat(m.group(1)).as(module).isEqualTo(module);
        });
    }

    /**
     * Runs the extraction the build stage runs, on the jar this build produced, and checks that the layers the
     * runtime stage copies are exactly what it makes, with the application jar where ENTRYPOINT expects it.
     */
    @Test
    void theLayersTheRuntimeStageCopiesAreWhatTheExtractionMakes() throws Exception {
        for (String module : ComposeFileTest.BUILT.keySet()) {
            Path jar = RepoFiles.ROOT.resolve(module + "/target/" + module + ".jar");
            assertThat(jar).as("build the module first").isRegularFile();
            Path out = Files.createTempDirectory("zrt-layers-" + module);
            try {
                Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                        "--layers", "--destination", out.resolve("layers").toString()).redirectErrorStream(true).start();
                String output = new String(extract.getInputStream().readAllBytes());
                assertThat(extract.waitFor()).as(output).isZero();
                try (var layers = Files.list(out.resolve("layers"))) {
                    assertThat(layers.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrderElementsOf(DockerfileRules.LAYERS);
                }
                assertThat(out.resolve("layers/application/" + module + ".jar")).isRegularFile();
                try (var libs = Files.list(out.resolve("layers/dependencies/lib"))) {
                    assertThat(libs.count()).as("%s third-party jars in the dependencies layer", module).isPositive();
                }
                assertThat(DockerfileRules.layersDirectory(RepoFiles.read(module + "/Dockerfile")))
                        .isEqualTo("/workspace/layers");
            } finally {
                deleteRecursively(out);
            }
        }
    }

    @Test
    void theBuildContextKeepsOutputsAndSecretsAway() {
        Path ignore = RepoFiles.ROOT.resolve(".dockerignore");
        assertThat(ignore).isRegularFile();
        assertThat(RepoFiles.read(".dockerignore").lines().map(String::strip))
                .contains("**/target/", ".git/", ".env", "!.env.example");
        assertThat(Files.isExecutable(RepoFiles.ROOT.resolve("mvnw"))).isTrue();
    }

    @Test
    void aWrongJarAMissingLayerAStageMixUpOrARootUserIsNoticed() {
        String good = RepoFiles.read("node-service/Dockerfile");
        List<Integer> ports = ports("node-service");

        assertThat(DockerfileRules.violations(good.replace("node-service/target/node-service.jar",
                "transistor/target/transistor.jar"), "node-service", ports))
                .anySatisfy(v -> assertThat(v).startsWith("extracts transistor/target/transistor.jar"))
                .anySatisfy(v -> assertThat(v).isEqualTo("mentions another jar: transistor/target/transistor.jar"));
        assertThat(DockerfileRules.violations(good.replace("-pl node-service", "-pl transistor"), "node-service", ports))
                .containsExactly("no 'RUN ./mvnw … -pl node-service … package' in the build stage");
        assertThat(DockerfileRules.violations(good.replace("17-jre", "21-jre"), "node-service", ports))
                .singleElement().asString().startsWith("runtime stage must be a JRE 17");
        assertThat(DockerfileRules.violations(good.replace("USER zrt", "USER root"), "node-service", ports))
                .containsExactly("runs as root");
        assertThat(DockerfileRules.violations(good, "node-service", List.of(8080, 9999)))
                .containsExactly("runtime stage does not EXPOSE 9999");
        assertThat(DockerfileRules.violations(good.replace("\"-jar\", \"/app/node-service.jar\"", "\"-jar\", \"/app/x.jar\""),
                "node-service", ports)).containsExactly(
                        "ENTRYPOINT does not run /app/node-service.jar (the application layer's jar)");
        assertThat(DockerfileRules.violations(good.replace("COPY --from=build /workspace/layers/snapshot-dependencies/ ./\n", ""),
                "node-service", ports)).singleElement().asString().startsWith("the runtime stage must copy the layers");
        assertThat(DockerfileRules.violations("FROM eclipse-temurin:17-jre\n", "node-service", ports)).hasSize(1);
    }

    @Test
    void continuationLinesAreJoinedAndCommentsDropped() {
        assertThat(DockerfileRules.instructions("# c\nRUN a \\\n    b\n\nEXPOSE 1\n"))
                .containsExactly("RUN a b", "EXPOSE 1");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
