package io.zrt.e2e.stack;

import io.zrt.demo.DemoConversation;
import io.zrt.demo.ConversationLog;
import io.zrt.testkit.centrifugo.CentrifugoContainers;
import io.zrt.testkit.mongo.MongoContainers;
import io.zrt.testkit.nats.NatsContainers;
import io.zrt.testkit.postgres.PostgresContainers;
import io.zrt.testkit.postgres.PostgresEndpoint;
import io.zrt.testkit.services.ZrtStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same scenario on the production images: a real `mongo` replica set, `nats` with JetStream,
 * `centrifugo/centrifugo` v6 and `postgres`, started by Testcontainers. Tagged {@code docker}: it runs with
 * {@code -Pdocker} (chosen by scripts/test.sh where a Docker engine answers) and is left out elsewhere.
 */
@Tag("docker")
class ContainersConversationTest {

    @Test
    void demoConversationOnProductionImages() throws Exception {
        PostgresEndpoint postgres = PostgresContainers.start();
        ZrtStack.Infrastructure infra = new ZrtStack.Infrastructure(MongoContainers.start().uri(),
                NatsContainers.start().url(), postgres.dataSourceProperties(), CentrifugoContainers::start, Map.of());
        try (ZrtStack stack = ZrtStack.start(Path.of(".."), infra)) {
            DemoConversation.Outcome outcome = new DemoConversation(new ConversationLog(System.out))
                    .run(FullStackConversationTest.endpoints(stack, true));
            DemoScenarioAssertions.check(outcome, true);
        }
    }
}
