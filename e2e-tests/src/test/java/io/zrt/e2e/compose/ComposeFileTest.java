package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.e2e.compose.ComposeFile.Dependency;
import io.zrt.e2e.compose.ComposeFile.PublishedPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without Docker: the services the system needs, their builds, health checks, start
 * order, ports and volumes. (No Docker engine runs where these tests run; `docker compose config` would check
 * the syntax, these tests check the intent.)
 */
class ComposeFileTest {

    static final Set<String> INFRASTRUCTURE = Set.of("mongo", "nats", "nats-init", "centrifugo", "postgres");
    /** The `observability` profile: started only with {@code docker compose --profile observability}. */
    static final Set<String> OBSERVABILITY = Set.of("nats-exporter", "prometheus", "grafana");
    /** The services clients talk to, and the only ones whose ports are open beyond this machine. */
    static final Map<String, Integer> CLIENT_FACING = Map.of("node-service", 8080, "transistor", 8001, "centrifugo", 8000);
    static final Map<String, String> BUILT = Map.of(
            "node-service", "node-service/Dockerfile",
            "message-relay", "message-relay/Dockerfile",
            "transistor", "transistor/Dockerfile");

    private final ComposeFile compose = RepoFiles.compose();

    @Test
    void hasExactlyTheServicesOfTheSystem() {
        Set<String> expected = new java.util.TreeSet<>(INFRASTRUCTURE);
        expected.addAll(BUILT.keySet());
        expected.addAll(OBSERVABILITY);
        assertThat(compose.serviceNames()).containsExactlyInAnyOrderElementsOf(expected);
        for (String service : compose.serviceNames()) {
            assertThat(compose.profiles(service)).as(service)
                    .isEqualTo(OBSERVABILITY.contains(service) ? List.of("observability") : List.of());
        }
    }

    @Test
    void passesEveryStructuralRule() {
        List<String> violations = new ArrayList<>();
        violations.addAll(ComposeRules.healthcheckViolations(compose));
        violations.addAll(ComposeRules.dependencyViolations(compose));
        violations.addAll(ComposeRules.portViolations(compose));
        violations.addAll(ComposeRules.undefinedVariables(compose, RepoFiles.envExample()));
        violations.addAll(ComposeRules.volumeViolations(compose, RepoFiles.ROOT));
        violations.addAll(ComposeRules.imageViolations(compose));
        violations.addAll(ComposeRules.resourceLimitViolations(compose));
        violations.addAll(ComposeRules.loggingViolations(compose));
        assertThat(violations).isEmpty();
    }

    @Test
    void everyApplicationMayFinishItsDrainBeforeDockerKillsIt() {
        for (String service : BUILT.keySet()) {
            java.time.Duration drain = ServicePorts.shutdownPhaseTimeout(service);
            assertThat(ComposeRules.gracePeriod(compose, service)).as("%s drains for up to %s", service, drain)
                    .isGreaterThanOrEqualTo(drain.plusSeconds(5));
        }
        // The relay's engine waits shutdown-timeout (20 s) plus 5 s for its loop; Spring allows the phase 30 s.
        java.time.Duration relayDrain = ComposeRules.duration(
                ServicePorts.settings("message-relay").get("zrt.relay.shutdown-timeout"));
        assertThat(ServicePorts.shutdownPhaseTimeout("message-relay")).isGreaterThanOrEqualTo(relayDrain.plusSeconds(5));
        // The Node answers a frame within branch-proofs.max-wait (30 s); its drain must cover that.
        assertThat(ServicePorts.shutdownPhaseTimeout("node-service")).isGreaterThan(java.time.Duration.ofSeconds(30));
        compose.serviceNames().stream().filter(s -> !ComposeRules.oneShotServices(compose).contains(s)
                        && !OBSERVABILITY.contains(s))
                .forEach(s -> assertThat(ComposeRules.gracePeriod(compose, s)).as(s)
                        .isGreaterThan(ComposeRules.DOCKER_DEFAULT_GRACE));
    }

    @Test
    void theOnlyOneShotServiceIsTheStreamInitialiser() {
        assertThat(ComposeRules.oneShotServices(compose)).containsExactly("nats-init");
        compose.serviceNames().stream().filter(s -> !s.equals("nats-init"))
                .forEach(s -> assertThat(compose.restart(s)).as(s).isEqualTo("unless-stopped"));
    }

    @Test
    void eachApplicationIsBuiltFromItsOwnDockerfileWithTheRepositoryAsContext() {
        BUILT.forEach((service, dockerfile) -> {
            Map<String, Object> build = compose.build(service).orElseThrow(() -> new AssertionError(service + " is not built"));
            Path context = RepoFiles.ROOT.resolve(build.get("context").toString()).normalize();
            assertThat(context).as("%s build context", service).isEqualTo(RepoFiles.ROOT);
            assertThat(build.get("dockerfile")).as(service).isEqualTo(dockerfile);
            assertThat(context.resolve(dockerfile)).as(service).isRegularFile();
            assertThat(compose.image(service)).as(service).hasValue("zrt/" + service + ":local");
        });
        INFRASTRUCTURE.forEach(s -> assertThat(compose.build(s)).as(s).isEmpty());
    }

    @Test
    void servicesStartOnlyOnceWhatTheyNeedIsReady() {
        assertThat(compose.dependencies("grafana")).containsExactly(
                new Dependency("grafana", "prometheus", "service_healthy"));
        assertThat(compose.dependencies("nats-exporter")).containsExactly(
                new Dependency("nats-exporter", "nats", "service_healthy"));
        assertThat(compose.dependencies("prometheus")).as("scrapes whatever is up, waits for nothing").isEmpty();
        assertThat(compose.dependencies("node-service")).containsExactly(
                new Dependency("node-service", "mongo", "service_healthy"));
        assertThat(compose.dependencies("message-relay")).containsExactlyInAnyOrder(
                new Dependency("message-relay", "mongo", "service_healthy"),
                new Dependency("message-relay", "nats", "service_healthy"),
                new Dependency("message-relay", "nats-init", "service_completed_successfully"),
                new Dependency("message-relay", "centrifugo", "service_healthy"));
        assertThat(compose.dependencies("centrifugo")).containsExactlyInAnyOrder(
                new Dependency("centrifugo", "nats", "service_healthy"),
                new Dependency("centrifugo", "nats-init", "service_completed_successfully"));
        assertThat(compose.dependencies("nats-init")).containsExactly(
                new Dependency("nats-init", "nats", "service_healthy"));
        assertThat(compose.dependencies("transistor")).containsExactly(
                new Dependency("transistor", "postgres", "service_healthy"));
    }

    @Test
    void applicationsAreCheckedThroughTheReadinessProbeOnTheirManagementPort() {
        for (String service : BUILT.keySet()) {
            int management = ServicePorts.managementPort(service);
            assertThat(compose.healthcheckTest(service)).as(service)
                    .startsWith("CMD", "curl", "-fsS")
                    .endsWith("http://127.0.0.1:" + management + "/actuator/health/readiness");
        }
        assertThat(ServicePorts.managementPort("node-service")).isNotEqualTo(ServicePorts.serverPort("node-service"));
        assertThat(ServicePorts.managementPort("transistor")).isNotEqualTo(ServicePorts.serverPort("transistor"));
    }

    @Test
    void infrastructureHealthChecksAskTheRightQuestion() {
        assertThat(compose.healthcheckTest("mongo"))
                .containsExactly("CMD", "mongosh", "--quiet", "--norc", "/etc/zrt/mongo/replica-set.js");
        assertThat(compose.volumes("mongo")).contains("./infra/mongo/replica-set.js:/etc/zrt/mongo/replica-set.js:ro");

        assertThat(compose.command("nats")).containsSubsequence("--jetstream", "--store_dir", "/data")
                .containsSubsequence("--http_port", "8222");
        assertThat(compose.volumes("nats")).contains("nats-data:/data");
        assertThat(compose.healthcheckTest("nats")).last().isEqualTo("http://127.0.0.1:8222/healthz");

        assertThat(compose.healthcheckTest("centrifugo")).last()
                .isEqualTo("http://127.0.0.1:" + centrifugoInternalPort() + "/health");
        assertThat(compose.healthcheckTest("postgres")).startsWith("CMD", "pg_isready")
                .containsSubsequence("-h", "127.0.0.1").containsSubsequence("-U", "transistor");
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertThat(compose.namedVolumes()).containsExactlyInAnyOrder("mongo-data", "mongo-config", "nats-data",
                "postgres-data", "prometheus-data", "grafana-data");
        assertThat(compose.volumes("mongo")).contains("mongo-data:/data/db");
        assertThat(compose.volumes("postgres")).contains("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void onlyTheClientFacingPortsAreOpenToTheNetwork() {
        List<String> violations = new ArrayList<>();
        List<PublishedPort> ports = ComposeRules.publishedPorts(compose, violations);
        assertThat(violations).isEmpty();
        for (PublishedPort port : ports) {
            if (CLIENT_FACING.containsKey(port.service())) {
                assertThat(port.target()).as(port.service()).isEqualTo(CLIENT_FACING.get(port.service()));
                assertThat(port.published()).as(port.service()).isEqualTo(port.target());
            } else {
                assertThat(port.hostIp()).as("%s is published on loopback only", port.service()).isEqualTo("127.0.0.1");
            }
        }
        CLIENT_FACING.forEach((service, port) -> assertThat(publishedTargets(service)).as(service).containsExactly(port));
        for (String service : BUILT.keySet()) {
            assertThat(publishedTargets(service)).as("%s: the actuator is never published", service)
                    .doesNotContain(ServicePorts.managementPort(service));
        }
        assertThat(ServicePorts.serverPort("node-service")).isEqualTo(CLIENT_FACING.get("node-service"));
        assertThat(ServicePorts.serverPort("transistor")).isEqualTo(CLIENT_FACING.get("transistor"));
        assertThat(publishedTargets("message-relay")).as("the relay has no API").isEmpty();
        assertThat(publishedTargets("centrifugo")).doesNotContain(centrifugoInternalPort());
        assertThat(publishedTargets("nats")).containsExactlyInAnyOrder(4222, 8222);
        assertThat(publishedTargets("prometheus")).containsExactly(9090);
        assertThat(publishedTargets("grafana")).containsExactly(3000);
    }

    @Test
    void centrifugoServesItsMetricsHealthAndApiOnlyOnTheInternalPort() {
        Map<String, Object> config = RepoFiles.json("infra/centrifugo/config.json");
        Map<String, Object> http = ComposeFile.asMap(config.get("http_server"), "http_server");
        assertThat(http.get("port")).isEqualTo(8000);
        assertThat(centrifugoInternalPort()).isNotEqualTo(8000);
        assertThat(ComposeFile.asMap(config.get("prometheus"), "prometheus").get("enabled")).isEqualTo(true);
    }

    private static int centrifugoInternalPort() {
        Map<String, Object> http = ComposeFile.asMap(RepoFiles.json("infra/centrifugo/config.json").get("http_server"),
                "http_server");
        return Integer.parseInt(String.valueOf(http.get("internal_port")));
    }

    @Test
    void theStreamInitialiserRunsTheMountedScript() {
        assertThat(compose.entrypoint("nats-init")).containsExactly("/bin/sh", "/etc/zrt/nats/create-stream.sh");
        assertThat(compose.volumes("nats-init")).containsExactly("./infra/nats:/etc/zrt/nats:ro");
        String script = RepoFiles.read("infra/nats/create-stream.sh");
        assertThat(script).contains("/etc/zrt/nats/events-stream.json").contains("stream info").contains("stream add");
        assertThat(Files.isExecutable(RepoFiles.ROOT.resolve("infra/nats/create-stream.sh"))).isTrue();
    }

    private List<Integer> publishedTargets(String service) {
        List<String> violations = new ArrayList<>();
        return ComposeRules.publishedPorts(compose, violations).stream().filter(p -> p.service().equals(service))
                .map(PublishedPort::target).toList();
    }
}
