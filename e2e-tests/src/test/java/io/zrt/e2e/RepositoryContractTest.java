package io.zrt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository promises a fresh machine exactly two set-up commands in README.md (run the system, run the
 * tests), and CI promises to run the README's test command. This keeps those promises checked.
 */
class RepositoryContractTest {

    private static final Path ROOT = findRoot();
    private static final Pattern FENCED = Pattern.compile("```\\s*\\n(.*?)\\n\\s*```", Pattern.DOTALL);

    @Test
    void readmeHasExactlyTwoSetUpCommandsAndBothScriptsExist() throws IOException {
        List<String> commands = setUpCommands();

        assertThat(commands).hasSize(2);
        for (String command : commands) {
            Path script = ROOT.resolve(command.split("\\s+")[0]);
            assertThat(script).as("script of '%s'", command).isRegularFile();
            assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
        }
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String testCommand = setUpCommands().get(1);
        String ci = Files.readString(ROOT.resolve(".ci/run"));

        assertThat(Files.isExecutable(ROOT.resolve(".ci/run"))).isTrue();
        assertThat(ci).contains(testCommand);
        assertThat(ci).contains("ZRT_REQUIRE_INFRA=true");
    }

    @Test
    void theRepositoryIsLicensedAndVersionedOneWay() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        assertThat(license).contains("Apache License").contains("Version 2.0, January 2004")
                .contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>zrt-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(rootPom);
        assertThat(version.find()).isTrue();
        assertThat(version.group(1)).as("docs/releasing.md").matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(rootPom).contains("<name>Apache-2.0</name>");
        try (var modules = Files.list(ROOT)) {
            for (Path pom : modules.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(pom)).as(pom.toString())
                        .containsPattern("<artifactId>zrt-parent</artifactId>\\s*<version>" + Pattern.quote(version.group(1)));
            }
        }
        String changelog = Files.readString(ROOT.resolve("CHANGELOG.md"));
        assertThat(changelog).contains("## [Unreleased]").contains("docs/releasing.md");
    }

    private static List<String> setUpCommands() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Set up on a fresh machine");
        assertThat(start).as("README has a set-up section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
        List<String> commands = new ArrayList<>();
        Matcher m = FENCED.matcher(section);
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        return commands;
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
