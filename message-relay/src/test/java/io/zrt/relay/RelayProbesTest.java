package io.zrt.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.relay.health.LagMonitor;
import io.zrt.relay.support.RelayTestEnv;
import io.zrt.relay.support.TestFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's probes: readiness is MongoDB and NATS, liveness the process alone. A relay that lags (here: a
 * frame that cannot be relayed because its predecessor is missing, two minutes old) reports DOWN in its overall
 * health, for alerting, while both probes stay UP, so that no orchestrator restarts it for a lag a restart would
 * not cure. Details (lag, role, instance) are not shown to an anonymous caller.
 */
class RelayProbesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RelayTestEnv env = new RelayTestEnv();
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        env.close();
    }

    @Test
    void lagTurnsHealthDownButNeitherLivenessNorReadiness() throws Exception {
        Document stuck = TestFrames.document(TestFrames.newGroup(), 1, 0); // seq 0 missing: it cannot be relayed
        stuck.put("createdAt", new Date(System.currentTimeMillis() - 120_000));
        env.frames().insertOne(stuck);
        ConfigurableApplicationContext relay = env.startRelay("probes", true, Map.of());
        cleanup.add(relay::close);
        assertThat(relay.getBean(LagMonitor.class).measure().lag()).isGreaterThan(Duration.ofSeconds(60));
        String base = "http://127.0.0.1:" + relay.getEnvironment().getProperty("local.server.port");

        HttpResponse<String> health = get(base + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode overall = JSON.readTree(health.body());
        assertThat(overall.at("/components/relay/status").asString()).isEqualTo("DOWN");
        assertThat(overall.findValues("details")).as("lag, role and instance stay private").isEmpty();

        HttpResponse<String> liveness = get(base + "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(componentNames(liveness.body())).containsExactly("livenessState");

        HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(componentNames(readiness.body())).containsExactlyInAnyOrder("readinessState", "mongo", "nats");
    }

    @Test
    void noMongoUriStopsTheStartWithAClearMessage() {
        Map<String, String> properties = env.relayProperties("no-uri");
        properties.remove("spring.mongodb.uri");
        assertThatThrownBy(() -> {
            org.springframework.boot.SpringApplication application =
                    new org.springframework.boot.SpringApplication(MessageRelayApplication.class);
            application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
            application.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new)).close();
        }).hasStackTraceContaining("No MongoDB configured").hasStackTraceContaining("SPRING_MONGODB_URI");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> componentNames(String body) {
        List<String> names = new ArrayList<>();
        JSON.readTree(body).path("components").propertyNames().forEach(names::add);
        return names;
    }
}
