package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.MutableClock;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The per-address limit is on with no configuration at all: one address's refused requests are counted, and
 * after the default 2,400 in a 60 s window the address gets 429 until the window ends. (The clock stands still
 * 30 s into a window, so the count cannot be split by a window boundary.)
 */
class DefaultAddressLimitTest extends NodeTestBase {

    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.HOURS)
            .plusSeconds(30));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @Test
    void oneAddressIsLimitedByDefault() {
        String path = "/v1/group/" + GroupDriver.create().id().text() + "/frames";
        int refused = 0;
        NodeClient.Response last = null;
        for (int i = 0; i < 3000 && (last == null || last.status() != 429); i++) {
            last = client.post(path, new byte[] {(byte) 0xff, (byte) i}, "application/x-protobuf");
            if (last.status() == 400) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2400);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("rate_limited");
        assertThat(last.raw().headers().firstValue("Retry-After")).contains("30");
    }
}
