package io.zrt.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.demo.DemoConversation;
import io.zrt.demo.ConversationLog;
import io.zrt.e2e.compose.Dashboards;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.nats.TestNats;
import io.zrt.testkit.services.ZrtStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README demo as a test, on the infrastructure the testkit resolves here (nats-server and centrifugo
 * binaries, mongo-java-server with its oplog, transistor's embedded PostgreSQL): once with live delivery over
 * Centrifugo SSE fed by the real relay, once reading through the REST API only.
 */
class FullStackConversationTest {

    private static ZrtStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ZrtStack.start(Path.of(".."), new ZrtStack.Infrastructure(TestMongo.uri(), TestNats.url(), Map.of(),
                TestCentrifugo::start, Map.of()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void demoConversationWithLiveDeliveryOverSse() throws Exception {
        DemoConversation.Outcome outcome = new DemoConversation(new ConversationLog(System.out))
                .run(endpoints(stack, true));
        DemoScenarioAssertions.check(outcome, true);
    }

    @Test
    void demoConversationReadingThroughTheRestApi() throws Exception {
        DemoConversation.Outcome outcome = new DemoConversation(new ConversationLog(System.out))
                .run(endpoints(stack, false));
        DemoScenarioAssertions.check(outcome, false);
    }

    /**
     * Every metric the Grafana dashboards ask of the Node, the relay, Transistor and Centrifugo is one these
     * services really export, and each ZRT service's own metrics carry its prefix {@code zrt_<service>_}.
     * (The NATS dashboard reads the exporter, which does not run here.)
     */
    @Test
    void theDashboardsAskForMetricsTheServicesExport() throws Exception {
        Map<String, String> scrapes = Map.of(
                "node-service", stack.nodeManagementUrl() + "/actuator/prometheus",
                "message-relay", stack.relayUrl() + "/actuator/prometheus",
                "transistor", stack.transistorManagementUrl() + "/actuator/prometheus",
                "centrifugo", stack.centrifugoUrl() + "/metrics");
        Map<String, String> prefixes = Map.of("node-service", "zrt_node_", "message-relay", "zrt_relay_",
                "transistor", "zrt_transistor_");
        HttpClient http = HttpClient.newHttpClient();
        for (var scrape : scrapes.entrySet()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(scrape.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(scrape.getValue()).isEqualTo(200);
            Set<String> series = answer.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            String job = scrape.getKey();
            Dashboards.selectors().stream().filter(s -> job.equals(s.job())).forEach(s ->
                    assertThat(series).as("%s asks job %s for %s", s.dashboard(), job, s.metric()).contains(s.metric()));
            if (prefixes.containsKey(job)) {
                assertThat(series.stream().filter(n -> n.startsWith("zrt_")))
                        .as("%s names its own metrics %s*", job, prefixes.get(job)).isNotEmpty()
                        .allSatisfy(n -> assertThat(n).startsWith(prefixes.get(job)));
            }
        }
    }

    /** The demo's view of a stack; without live push it reads through the REST API only. */
    static DemoConversation.Endpoints endpoints(ZrtStack stack, boolean livePush) {
        return new DemoConversation.Endpoints(stack.nodeUrl(), stack.transistorUrl(),
                livePush ? stack.centrifugoUrl() : null);
    }
}
