package io.zrt.node.guard;

import io.zrt.node.frames.NodeBusyException;
import io.zrt.node.ratelimit.RateLimiter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Bounds the requests that carry a proof (and so cost signature, eligibility or branch-proof verification) in
 * flight on this instance: at most {@code maxConcurrent} in all (beyond it 503 {@code busy}) and at most
 * {@code maxConcurrentPerAddress} from one client address (beyond it 429 {@code rate_limited}), so one client
 * cannot hold every verification slot. Never waits: a request over a cap is answered at once with Retry-After.
 */
public final class VerificationGate {

    /** Held while the request runs; closing it gives the slots back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore global;
    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();

    public VerificationGate(int maxConcurrent, int maxConcurrentPerAddress) {
        this.global = new Semaphore(maxConcurrent);
        this.perAddress = maxConcurrentPerAddress;
    }

    public Permit enter(String address) throws RateLimiter.RateLimitedException {
        boolean[] admitted = {false};
        // The map entry exists only while the address has requests in flight, so it cannot grow without bound.
        inFlight.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= perAddress) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        if (!admitted[0]) {
            throw new RateLimiter.RateLimitedException("more than " + perAddress
                    + " requests with proofs in flight from this address; retry after 1 s", 1);
        }
        if (!global.tryAcquire()) {
            leave(address);
            throw new NodeBusyException("too many requests with proofs in flight; retry shortly");
        }
        return () -> {
            global.release();
            leave(address);
        };
    }

    private void leave(String address) {
        inFlight.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** Requests with proofs in flight from {@code address} (for tests and metrics). */
    int inFlight(String address) {
        return inFlight.getOrDefault(address, 0);
    }
}
