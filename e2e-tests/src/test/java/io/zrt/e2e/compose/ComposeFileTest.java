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
    static final Map<String, String> BUILT = Map.of(
            "node-service", "node-service/Dockerfile",
            "message-relay", "message-relay/Dockerfile",
            "transistor", "transistor/Dockerfile");

    private final ComposeFile compose = RepoFiles.compose();

    @Test
    void hasExactlyTheServicesOfTheSystem() {
        Set<String> expected = new java.util.TreeSet<>(INFRASTRUCTURE);
        expected.addAll(BUILT.keySet());
        assertThat(compose.serviceNames()).containsExactlyInAnyOrderElementsOf(expected);
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
        assertThat(violations).isEmpty();
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
    void applicationsAreCheckedThroughActuatorHealthOnTheirOwnPort() {
        for (String service : BUILT.keySet()) {
            int port = ServicePorts.serverPort(service);
            assertThat(compose.healthcheckTest(service)).as(service)
                    .startsWith("CMD", "curl", "-fsS")
                    .endsWith("http://127.0.0.1:" + port + "/actuator/health");
            assertThat(publishedTargets(service)).as(service).contains(port);
        }
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

        assertThat(compose.healthcheckTest("centrifugo")).last().isEqualTo("http://127.0.0.1:8000/health");
        assertThat(compose.healthcheckTest("postgres")).startsWith("CMD", "pg_isready")
                .containsSubsequence("-h", "127.0.0.1").containsSubsequence("-U", "transistor");
    }

    @Test
    void dataLivesInNamedVolumes() {
        assertThat(compose.namedVolumes()).containsExactlyInAnyOrder("mongo-data", "mongo-config", "nats-data",
                "postgres-data");
        assertThat(compose.volumes("mongo")).contains("mongo-data:/data/db");
        assertThat(compose.volumes("postgres")).contains("postgres-data:/var/lib/postgresql/data");
    }

    @Test
    void onlyTheClientFacingPortsAreOpenToTheNetwork() {
        List<String> violations = new ArrayList<>();
        List<PublishedPort> ports = ComposeRules.publishedPorts(compose, violations);
        assertThat(violations).isEmpty();
        Set<String> public_ = Set.of("node-service", "transistor", "centrifugo", "message-relay");
        for (PublishedPort port : ports) {
            if (public_.contains(port.service())) {
                assertThat(port.published()).as(port.service()).isEqualTo(port.target());
            } else {
                assertThat(port.hostIp()).as("%s is published on loopback only", port.service()).isEqualTo("127.0.0.1");
            }
        }
        assertThat(publishedTargets("centrifugo")).containsExactly(8000);
        assertThat(publishedTargets("nats")).containsExactlyInAnyOrder(4222, 8222);
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
