package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule, shown to notice the defect it exists for (and to accept the correct variant). */
class ComposeRulesTest {

    private static ComposeFile compose(String yaml) {
        return ComposeFile.parse(yaml);
    }

    @Test
    void missingOrDisabledHealthchecksAreReportedButOneShotServicesAreExempt() {
        ComposeFile c = compose("""
                services:
                  db: {image: "x:1", healthcheck: {test: ["CMD", "true"]}}
                  plain: {image: "x:1"}
                  disabled: {image: "x:1", healthcheck: {disable: true, test: ["CMD", "true"]}}
                  none: {image: "x:1", healthcheck: {test: ["NONE"]}}
                  init: {image: "x:1", restart: "no"}
                  app:
                    image: "x:1"
                    healthcheck: {test: "curl -f http://localhost/"}
                    depends_on:
                      db: {condition: service_healthy}
                      init: {condition: service_completed_successfully}
                """);

        assertThat(ComposeRules.oneShotServices(c)).containsExactly("init");
        assertThat(ComposeRules.healthcheckViolations(c))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).startsWith("plain:"))
                .anySatisfy(v -> assertThat(v).startsWith("disabled:"))
                .anySatisfy(v -> assertThat(v).startsWith("none:"));
    }

    @Test
    void unquotedNoRestartIsReadAsNo() {
        ComposeFile c = compose("""
                services:
                  init: {image: "x:1", restart: no}
                  app: {image: "x:1", depends_on: {init: {condition: service_completed_successfully}}}
                """);
        assertThat(ComposeRules.oneShotServices(c)).containsExactly("init");
    }

    @Test
    void dependencyDefectsAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", depends_on: [b]}
                  b: {image: "x:1", depends_on: {ghost: {condition: service_healthy}}}
                  c: {image: "x:1", depends_on: {a: {condition: service_healthy}}}
                  d: {image: "x:1", restart: always, healthcheck: {test: ["CMD", "true"]}}
                  e: {image: "x:1", depends_on: {d: {condition: service_completed_successfully}}}
                  f: {image: "x:1", depends_on: {d: {condition: service_ready}}}
                """);

        assertThat(ComposeRules.dependencyViolations(c)).containsExactlyInAnyOrder(
                "a -> b: waits only for the container to start, not for readiness",
                "b -> ghost: no such service",
                "c -> a: service_healthy, but a has no healthcheck",
                "e -> d: awaits completion of a service that restarts",
                "f -> d: unknown condition service_ready");
    }

    @Test
    void dependencyCyclesAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", healthcheck: {test: ["CMD", "true"]}, depends_on: {b: {condition: service_healthy}}}
                  b: {image: "x:1", healthcheck: {test: ["CMD", "true"]}, depends_on: {c: {condition: service_healthy}}}
                  c: {image: "x:1", healthcheck: {test: ["CMD", "true"]}, depends_on: {a: {condition: service_healthy}}}
                """);
        assertThat(ComposeRules.dependencyViolations(c)).containsExactly("dependency cycle: a -> b -> c -> a");
    }

    @Test
    void portCollisionsConsiderTheHostAddress() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", ports: ["8080:80", "127.0.0.1:9000:9000", "127.0.0.1:7000:7000/udp"]}
                  b: {image: "x:1", ports: ["127.0.0.1:8080:81", "127.0.0.2:9000:9000", "127.0.0.1:7000:7000/tcp"]}
                  c: {image: "x:1", ports: [{target: 5000, published: "9000", host_ip: 127.0.0.2}]}
                """);

        assertThat(ComposeRules.portViolations(c)).containsExactlyInAnyOrder(
                "host port 8080/tcp published by both a and b",
                "host port 9000/tcp published by both b and c");
    }

    @Test
    void unquotedRangedAndIncompletePortsAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", ports: [22:22, "8000-8001:8000-8001", {target: 80}]}
                """);
        assertThat(ComposeRules.portViolations(c)).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("is not a quoted string"))
                .anySatisfy(v -> assertThat(v).contains("unsupported port entry '8000-8001:8000-8001'"))
                .anySatisfy(v -> assertThat(v).contains("needs published and target"));
    }

    @Test
    void variableReferencesAreFoundInEveryFormAndEscapesAreNot() {
        String text = "a: ${ONE} b: ${TWO:-x} c: ${THREE:?set it} d: $$NOT e: $$ f: ${FOUR-y}";
        assertThat(ComposeRules.variableReferences(text)).containsExactly("ONE", "TWO", "THREE", "FOUR");
        assertThat(ComposeRules.unbracedReferences(text)).isEmpty();
        assertThat(ComposeRules.unbracedReferences("x: $BARE and $$ESCAPED")).containsExactly("$BARE");
    }

    @Test
    void undefinedVariablesAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", environment: {K: "${DEFINED}", L: "${MISSING:?x}", M: "$BARE"}}
                """);
        assertThat(ComposeRules.undefinedVariables(c, Map.of("DEFINED", "v"))).containsExactlyInAnyOrder(
                "${MISSING} is used but not defined in .env.example",
                "$BARE is not written as ${...}");
    }

    @Test
    void envFilesAreReadStrictly() {
        assertThat(ComposeRules.parseEnvFile("# c\n\nA=1\nB = two words\nC=\n"))
                .containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", ""));
        assertThatThrownBy(() -> ComposeRules.parseEnvFile("JUSTAWORD\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentListAndMapFormsMeanTheSame() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", environment: ["K=v=w", "EMPTY"]}
                  b: {image: "x:1", environment: {K: v=w, EMPTY: null}}
                """);
        assertThat(c.environment("a")).isEqualTo(c.environment("b")).containsEntry("K", "v=w").containsEntry("EMPTY", "");
    }

    @Test
    void missingBindSourcesAndUndeclaredVolumesAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1", volumes: ["./docker-compose.yml:/c.yml:ro", "./no/such/file:/x", "data:/d", "stray:/s", "/etc/passwd:/p"]}
                volumes:
                  data:
                """);
        assertThat(ComposeRules.volumeViolations(c, RepoFiles.ROOT)).containsExactlyInAnyOrder(
                "a: bind-mount source ./no/such/file does not exist",
                "a: volume stray is not declared under volumes:",
                "a: absolute host path /etc/passwd ties the file to one machine");
        assertThat(ComposeRules.volumeViolations(c, Path.of("/nonexistent"))).hasSize(4);
    }

    @Test
    void unpinnedImagesAreReported() {
        ComposeFile c = compose("""
                services:
                  a: {image: "mongo"}
                  b: {image: "mongo:latest"}
                  c: {image: "localhost:5000/mongo"}
                  d: {image: "localhost:5000/mongo:8.0"}
                  e: {build: .}
                  f: {}
                """);
        assertThat(ComposeRules.imageViolations(c)).containsExactlyInAnyOrder(
                "a: image mongo is not pinned to a tag",
                "b: image mongo:latest is not pinned to a tag",
                "c: image localhost:5000/mongo is not pinned to a tag",
                "f: neither image nor build");
    }

    @Test
    void aFileWithoutServicesIsRejected() {
        assertThatThrownBy(() -> compose("volumes: {}\n").serviceNames()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compose("- a list\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHealthcheckExemptionNeedsAReasonNoHealthcheckAndNobodyWaitingForHealth() {
        ComposeFile c = compose("""
                services:
                  exporter: {image: "x:1", x-healthcheck-exempt: "FROM scratch"}
                  blank: {image: "x:1", x-healthcheck-exempt: " "}
                  both: {image: "x:1", x-healthcheck-exempt: "why", healthcheck: {test: ["CMD", "true"]}}
                  waiter: {image: "x:1", healthcheck: {test: ["CMD", "true"]}, depends_on: {exporter: {condition: service_healthy}}}
                """);
        assertThat(ComposeRules.healthcheckViolations(c)).containsExactlyInAnyOrder(
                "blank: x-healthcheck-exempt needs a reason and no healthcheck",
                "both: x-healthcheck-exempt needs a reason and no healthcheck");
        assertThat(ComposeRules.dependencyViolations(c))
                .containsExactly("waiter -> exporter: service_healthy, but exporter has no healthcheck");
    }

    @Test
    void missingResourceLimitsAndUnrotatedLogsAreReported() {
        ComposeFile c = compose("""
                x-logging: &logging {driver: json-file, options: {max-size: "10m", max-file: "3"}}
                services:
                  good: {image: "x:1", logging: *logging, deploy: {resources: {limits: {cpus: "1", memory: 256m}}}}
                  nolimits: {image: "x:1", logging: *logging}
                  halflimits: {image: "x:1", logging: *logging, deploy: {resources: {limits: {cpus: "1"}}}}
                  unrotated: {image: "x:1", logging: {driver: json-file}, deploy: {resources: {limits: {cpus: "1", memory: 1g}}}}
                  syslog: {image: "x:1", logging: {driver: syslog, options: {max-size: "1m", max-file: "1"}}, deploy: {resources: {limits: {cpus: "1", memory: 1g}}}}
                """);
        assertThat(ComposeRules.resourceLimitViolations(c)).containsExactlyInAnyOrder(
                "nolimits: no deploy.resources.limits.cpus", "nolimits: no deploy.resources.limits.memory",
                "halflimits: no deploy.resources.limits.memory");
        assertThat(ComposeRules.loggingViolations(c)).hasSize(2)
                .anySatisfy(v -> assertThat(v).startsWith("unrotated:"))
                .anySatisfy(v -> assertThat(v).startsWith("syslog:"));
    }

    @Test
    void composeDurationsAndTheDefaultGracePeriod() {
        assertThat(ComposeRules.duration("45s")).hasSeconds(45);
        assertThat(ComposeRules.duration("1m30s")).hasSeconds(90);
        assertThat(ComposeRules.duration("500ms")).hasMillis(500);
        assertThat(ComposeRules.duration("1h")).hasHours(1);
        assertThatThrownBy(() -> ComposeRules.duration("45")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComposeRules.duration("1x")).isInstanceOf(IllegalArgumentException.class);
        ComposeFile c = compose("""
                services:
                  a: {image: "x:1"}
                  b: {image: "x:1", stop_grace_period: 1m}
                """);
        assertThat(ComposeRules.gracePeriod(c, "a")).isEqualTo(ComposeRules.DOCKER_DEFAULT_GRACE);
        assertThat(ComposeRules.gracePeriod(c, "b")).hasMinutes(1);
    }
}
