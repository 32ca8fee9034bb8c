package io.zrt.e2e.stack;

import io.zrt.demo.DemoConversation;
import io.zrt.demo.ConversationLog;
import io.zrt.testkit.centrifugo.TestCentrifugo;
import io.zrt.testkit.mongo.TestMongo;
import io.zrt.testkit.nats.TestNats;
import io.zrt.testkit.services.ZrtStack;
import java.nio.file.Path;
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

    /** The demo's view of a stack; without live push it reads through the REST API only. */
    static DemoConversation.Endpoints endpoints(ZrtStack stack, boolean livePush) {
        return new DemoConversation.Endpoints(stack.nodeUrl(), stack.transistorUrl(),
                livePush ? stack.centrifugoUrl() : null);
    }
}
