package io.zrt.e2e.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.e2e.compose.RepoFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SDK is a plain library: a sample application outside the reactor (src/test/resources/sdk-consumer),
 * with one dependency on io.zrt:client-sdk and no Spring Boot anywhere, builds and runs its tests against a
 * local repository that holds only what this build publishes for common-crypto, common-protocol and
 * client-sdk (flattened POM, jar, sources, javadoc). The nested Maven runs offline; third-party artifacts come
 * from this build's own local repository, chained behind as read-only (maven.repo.local.tail).
 */
class SdkConsumerBuildTest {

    static final List<String> LIBRARIES = List.of("common-crypto", "common-protocol", "client-sdk");
    private static final Pattern PROJECT_VERSION = Pattern.compile("<artifactId>zrt-parent</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void theLibrariesArePublishedWithSelfContainedPomsSourcesAndJavadoc() throws IOException {
        String version = projectVersion();
        for (String library : LIBRARIES) {
            Path target = RepoFiles.ROOT.resolve(library + "/target");
            for (String classifier : List.of("", "-sources", "-javadoc")) {
                assertThat(target.resolve(library + "-" + version + classifier + ".jar"))
                        .as("%s%s.jar", library, classifier).isRegularFile();
            }
            String pom = Files.readString(target.resolve("flattened-pom.xml"));
            assertThat(pom).as("%s's published POM", library).doesNotContain("<parent>").doesNotContain("spring-boot")
                    .doesNotContain("${").contains("<artifactId>" + library + "</artifactId>")
                    .contains("<license>").contains("Apache-2.0");
            assertThat(pom).as("%s: test dependencies are not published", library).doesNotContain("<scope>test</scope>");
        }
        assertThat(Files.readString(RepoFiles.ROOT.resolve("common-crypto/target/flattened-pom.xml")))
                .as("BouncyCastle is a test oracle of common-crypto, not a dependency").doesNotContain("bcprov");
    }

    @Test
    void aSampleApplicationOutsideTheReactorCompilesAndRunsAgainstThePublishedSdk() throws Exception {
        String version = projectVersion();
        Path work = Files.createTempDirectory("zrt-sdk-consumer");
        try {
            Path repo = work.resolve("repo");
            for (String library : LIBRARIES) {
                publish(library, version, repo);
            }
            Path sample = work.resolve("sample");
            copyTree(Path.of(SdkConsumerBuildTest.class.getResource("/sdk-consumer").toURI()), sample);

            String outerRepository = System.getProperty("zrt.maven.localRepository");
            assertThat(outerRepository).as("set by the e2e-tests pom (surefire systemPropertyVariables)").isNotBlank();
            List<String> command = new ArrayList<>(List.of(RepoFiles.ROOT.resolve("mvnw").toString(), "-B", "-q", "-o",
                    "-f", sample.resolve("pom.xml").toString(),
                    "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + outerRepository,
                    "-Dzrt.version=" + version,
                    "-Djunit.version=" + org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion(),
                    "-Dcompiler.version=" + rootProperty("maven-compiler-plugin.version"),
                    "-Dresources.version=" + rootProperty("maven-resources-plugin.version"),
                    "-Dsurefire.version=" + rootProperty("maven-surefire-plugin.version"),
                    "test"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(sample.toFile()).redirectErrorStream(true);
            builder.environment().remove("MAVEN_ARGS"); // the outer build's arguments would name another repository
            Process maven = builder.start();
            String output = new String(maven.getInputStream().readAllBytes());
            assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(maven.exitValue()).as("nested build:\n%s", output).isZero();

            Path report = sample.resolve("target/surefire-reports/TEST-com.example.app.GreeterTest.xml");
            assertThat(report).isRegularFile();
            assertThat(Files.readString(report)).contains("tests=\"2\"").contains("failures=\"0\"").contains("errors=\"0\"");
            assertThat(repo.resolve("org/springframework")).as("nothing of Spring reached the consumer").doesNotExist();
        } finally {
            deleteTree(work);
        }
    }

    /** Lays out one library in a Maven repository as `install` would: POM, jar, sources, javadoc. */
    private static void publish(String library, String version, Path repo) throws IOException {
        Path target = RepoFiles.ROOT.resolve(library + "/target");
        Path dir = repo.resolve("io/zrt/" + library + "/" + version);
        Files.createDirectories(dir);
        Files.copy(target.resolve("flattened-pom.xml"), dir.resolve(library + "-" + version + ".pom"));
        for (String classifier : List.of("", "-sources", "-javadoc")) {
            String file = library + "-" + version + classifier + ".jar";
            Files.copy(target.resolve(file), dir.resolve(file));
        }
    }

    static String projectVersion() {
        Matcher m = PROJECT_VERSION.matcher(RepoFiles.read("pom.xml"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String rootProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(RepoFiles.read("pom.xml"));
        assertThat(m.find()).as("%s in the root pom", name).isTrue();
        return m.group(1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
