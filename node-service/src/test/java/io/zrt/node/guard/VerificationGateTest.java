package io.zrt.node.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.node.frames.NodeBusyException;
import io.zrt.node.ratelimit.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps on proof-carrying requests in flight: per address (429), in all (503), and slots come back. */
class VerificationGateTest {

    @Test
    void oneAddressCannotHoldMoreThanItsShare() throws Exception {
        VerificationGate gate = new VerificationGate(10, 2);
        VerificationGate.Permit first = gate.enter("192.0.2.1");
        gate.enter("192.0.2.1");
        assertThatThrownBy(() -> gate.enter("192.0.2.1")).isInstanceOf(RateLimiter.RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(1));
        // Another address is not affected, and a finished request gives its slot back.
        gate.enter("192.0.2.2").close();
        first.close();
        gate.enter("192.0.2.1");
        assertThat(gate.inFlight("192.0.2.1")).isEqualTo(2);
    }

    @Test
    void allAddressesTogetherCannotHoldMoreThanTheInstanceCap() throws Exception {
        VerificationGate gate = new VerificationGate(3, 2);
        List<VerificationGate.Permit> held = new ArrayList<>();
        held.add(gate.enter("198.51.100.1"));
        held.add(gate.enter("198.51.100.2"));
        held.add(gate.enter("198.51.100.3"));
        assertThatThrownBy(() -> gate.enter("198.51.100.4")).isInstanceOf(NodeBusyException.class);
        // The refused request left nothing behind: its address holds no slot.
        assertThat(gate.inFlight("198.51.100.4")).isZero();
        held.forEach(VerificationGate.Permit::close);
        assertThat(gate.inFlight("198.51.100.1")).isZero();
        gate.enter("198.51.100.4");
    }
}
