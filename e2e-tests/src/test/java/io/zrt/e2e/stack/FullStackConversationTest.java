package io.zrt.e2e.stack;

import io.zrt.demo.DemoConversation;
import io.zrt.demo.Transcript;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.nats.TestNats;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README demo as a test, on the infrastructure the testkit resolves here (nats-server and centrifugo
 * binaries, mongo-java-server with its oplog, transistor's embedded PostgreSQL): once with live delivery over
 * Centrifugo SSE fed by the real relay, once reading through the REST API only.
 */
class FullStackConversationTest {

    private static FullStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = FullStack.start(new FullStack.Infrastructure(TestMongo.uri(), TestNats.url(), Map.of(),
                TestCentrifugo::start));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void demoConversationWithLiveDeliveryOverSse() throws Exception {
        DemoConversation.Outcome outcome = new DemoConversation(new Transcript(System.out))
                .run(stack.endpoints(true));
        DemoScenarioAssertions.check(outcome, true);
    }

    @Test
    void demoConversationReadingThroughTheRestApi() throws Exception {
        DemoConversation.Outcome outcome = new DemoConversation(new Transcript(System.out))
                .run(stack.endpoints(false));
        DemoScenarioAssertions.check(outcome, false);
    }
}
