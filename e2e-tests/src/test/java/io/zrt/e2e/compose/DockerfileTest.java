package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The three service Dockerfiles build and run the right module's jar. */
class DockerfileTest {

    private static final Pattern FINAL_NAME = Pattern.compile("<finalName>([^<]+)</finalName>");

    @Test
    void everyServiceDockerfileBuildsAndRunsItsOwnJar() {
        ComposeFileTest.BUILT.forEach((module, dockerfile) -> {
            String text = RepoFiles.read(dockerfile);
            assertThat(DockerfileRules.violations(text, module, ServicePorts.serverPort(module)))
                    .as(dockerfile).isEmpty();
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

    @Test
    void theBuildContextKeepsOutputsAndSecretsAway() {
        Path ignore = RepoFiles.ROOT.resolve(".dockerignore");
        assertThat(ignore).isRegularFile();
        assertThat(RepoFiles.read(".dockerignore").lines().map(String::strip))
                .contains("**/target/", ".git/", ".env", "!.env.example");
        assertThat(Files.isExecutable(RepoFiles.ROOT.resolve("mvnw"))).isTrue();
    }

    @Test
    void aWrongJarAStageMixUpOrARootUserIsNoticed() {
        String good = RepoFiles.read("node-service/Dockerfile");
        int port = ServicePorts.serverPort("node-service");

        assertThat(DockerfileRules.violations(good.replace("node-service/target/node-service.jar",
                "transistor/target/transistor.jar"), "node-service", port))
                .anySatisfy(v -> assertThat(v).startsWith("copies /workspace/transistor/target/transistor.jar"))
                .anySatisfy(v -> assertThat(v).isEqualTo("mentions another jar: transistor/target/transistor.jar"));
        assertThat(DockerfileRules.violations(good.replace("-pl node-service", "-pl transistor"), "node-service", port))
                .containsExactly("no 'RUN ./mvnw … -pl node-service … package' in the build stage");
        assertThat(DockerfileRules.violations(good.replace("17-jre", "21-jre"), "node-service", port))
                .singleElement().asString().startsWith("runtime stage must be a JRE 17");
        assertThat(DockerfileRules.violations(good.replace("USER zrt", "USER root"), "node-service", port))
                .containsExactly("runs as root");
        assertThat(DockerfileRules.violations(good, "node-service", port + 1))
                .containsExactly("runtime stage does not EXPOSE " + (port + 1));
        assertThat(DockerfileRules.violations(good.replace("\"-jar\", \"/app/node-service.jar\"", "\"-jar\", \"/app/x.jar\""),
                "node-service", port)).containsExactly("ENTRYPOINT does not run the copied jar /app/node-service.jar");
        assertThat(DockerfileRules.violations("FROM eclipse-temurin:17-jre\n", "node-service", port)).hasSize(1);
    }

    @Test
    void continuationLinesAreJoinedAndCommentsDropped() {
        assertThat(DockerfileRules.instructions("# c\nRUN a \\\n    b\n\nEXPOSE 1\n"))
                .containsExactly("RUN a b", "EXPOSE 1");
    }
}
