package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every compose file of the repository is valid against the Compose Specification's own JSON schema (checked
 * in beside this test, see src/test/resources/compose/README.md), the check {@code docker compose config}
 * would make, without Docker. The YAML is read as Compose reads it (anchors and merge keys resolved) and
 * validated before interpolation, where every {@code ${VAR}} is still a string.
 */
class ComposeSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA = loadSchema();

    /** From the class path, so that the schema's relative {@code $id} resolves and nothing is fetched. */
    private static Schema loadSchema() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
    }

    static List<String> schemaViolations(String yaml) {
        JsonNode document = JSON.valueToTree(ComposeFile.parse(yaml).root());
        return SCHEMA.validate(document).stream().map(Error::toString).toList();
    }

    /** docker-compose*.yml and compose*.yml anywhere in the repository, build output and VCS data aside. */
    static List<Path> composeFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RepoFiles.ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(docker-)?compose([.-][\\w.-]+)?\\.ya?ml"))
                    .filter(p -> RepoFiles.ROOT.relativize(p).toString().split("[/\\\\]")[0].matches("[^.].*"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .sorted().toList();
        }
    }

    @Test
    void everyComposeFileOfTheRepositoryIsValid() throws IOException {
        List<Path> files = composeFiles();
        assertThat(files).as("compose files found").contains(RepoFiles.ROOT.resolve("docker-compose.yml"));
        for (Path file : files) {
            assertThat(schemaViolations(Files.readString(file))).as("%s against the Compose Specification",
                    RepoFiles.ROOT.relativize(file)).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatComposeRejects() {
        assertThat(schemaViolations("""
                services:
                  a: {image: "x:1", restart_policy: always}
                """)).as("unknown service key").isNotEmpty();
        assertThat(schemaViolations("""
                services:
                  a: {image: "x:1", depends_on: {b: {condition: service_ready}}}
                  b: {image: "x:1"}
                """)).as("unknown depends_on condition").isNotEmpty();
        assertThat(schemaViolations("""
                services:
                  a: {image: "x:1", healthcheck: {test: ["CMD", "true"], interval: 5}}
                """)).as("a duration must be a string").isNotEmpty();
        assertThat(schemaViolations("""
                services:
                  a: {image: "x:1", deploy: {resources: {limits: {memory: 512}}}}
                """)).as("a memory limit must be a string such as 512m").isNotEmpty();
        assertThat(schemaViolations("""
                servics:
                  a: {image: "x:1"}
                """)).as("a misspelled top-level key").isNotEmpty();
        assertThat(schemaViolations("""
                x-common: &common {restart: unless-stopped}
                services:
                  a: {<<: *common, image: "x:1", x-note: "extension fields are allowed"}
                """)).as("anchors, merge keys and x- fields are fine").isEmpty();
    }
}
