package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.MutableClock;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.rules.ReadAuthorization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * 429 with code rate_limited and Retry-After, per group (frames and challenges that proved membership) and per
 * client address (unauthenticated and refused requests), on a clock the test controls: each test starts in a
 * window of its own, 100 s before its end.
 */
@TestPropertySource(properties = {"zrt.node.rate-limit.window=300s", "zrt.node.rate-limit.frames-per-group=4",
        "zrt.node.rate-limit.challenges-per-group=2", "zrt.node.rate-limit.per-client-address=12"})
class RateLimitTest extends NodeTestBase {

    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS);
    private static final MutableClock CLOCK = new MutableClock(BASE);
    private static int windows;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    MutableClock clock;

    /** 200 s into a fresh 300 s window: the window ends 100 s from now. */
    private void freshWindow() {
        clock.set(BASE.plusSeconds(300L * ++windows + 200));
    }

    private static void assertLimited(NodeClient.Response r, long retryAfter) {
        assertThat(r.status()).as(new String(r.body())).isEqualTo(429);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("rate_limited");
        assertThat(r.raw().headers().firstValue("Retry-After")).contains(Long.toString(retryAfter));
    }

    @Test
    void framesOfOneGroupAreLimitedPerWindowAndTheLimitResets() {
        freshWindow();
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
        accepted(g, g.plain());
        accepted(g, g.plain());
        accepted(g, g.plain());
        List<String> before = stored.snapshot(g.id().text());
        clock.advance(Duration.ofMillis(30_500)); // 69.5 s left: Retry-After rounds up to 70
        assertLimited(client.postFrame(g.id(), g.plain().bytes()), 70);
        assertThat(stored.snapshot(g.id().text())).as("a refused frame is not stored").isEqualTo(before);

        // Another group has its own budget.
        GroupDriver other = GroupDriver.create();
        accepted(other, other.init());

        clock.advance(Duration.ofSeconds(70)); // the next window
        assertThat(accepted(g, g.plain()).json().path("seq").asLong()).isEqualTo(4);
    }

    @Test
    void challengesRedeemedByValidProofsAreLimitedPerGroup() {
        freshWindow();
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
        String path = "/v1/group/" + g.id().text() + "/frames?fromSeq=0&limit=10";
        // Challenges nobody redeems cost the group nothing (they are counted against the address).
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/v1/group/" + g.id().text() + "/challenge").status()).isEqualTo(200);
        }
        assertThat(client.get(path, readProof(g)).status()).isEqualTo(200);
        assertThat(client.get(path, readProof(g)).status()).isEqualTo(200);
        assertLimited(client.get(path, readProof(g)), 100);
        // Frames of the same group are counted separately.
        accepted(g, g.plain());
    }

    @Test
    void oneClientAddressIsLimitedOnItsRefusedAndUnauthenticatedRequests() {
        freshWindow();
        // Frames that prove their sender do not count against the address: 20 new groups are all stored.
        for (int i = 0; i < 20; i++) {
            GroupDriver g = GroupDriver.create();
            accepted(g, g.init());
        }
        // Refused requests do, whatever group they name: the 13th is refused before it is looked at.
        int refused = 0;
        NodeClient.Response last = null;
        for (int i = 0; i < 20 && (last == null || last.status() != 429); i++) {
            last = client.postFrame(GroupDriver.create().id(), new byte[] {(byte) 0xff, 1, 2});
            if (last.status() == 400) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(12);
        assertLimited(last, 100);
        // Now every request from the address waits for the next window, a valid one too.
        GroupDriver late = GroupDriver.create();
        assertLimited(client.postFrame(late.id(), late.init().bytes()), 100);
        clock.advance(Duration.ofSeconds(100));
        accepted(late, late.init());
    }

    private String[] readProof(GroupDriver g) {
        return client.proofHeaders(g.id(), g.epoch(), g.treeKey(),
                c -> ReadAuthorization.framesDigest(g.id(), c, g.epoch(), 0, 10));
    }
}
