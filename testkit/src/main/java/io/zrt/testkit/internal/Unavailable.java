package io.zrt.testkit.internal;

import java.util.List;
import org.opentest4j.TestAbortedException;

/** Turns "this component could not be provided" into a skipped test, or a failure when infra is required. */
public final class Unavailable {

    private Unavailable() {
    }

    /**
     * The exception to throw when {@code component} could not be provided. Returns (rather than throws) so
     * that callers can write {@code throw Unavailable.of(...)}.
     */
    public static RuntimeException of(String component, List<String> attempts) {
        String message = component + " is not available for this test (tried: " + String.join("; ", attempts)
                + "). Set the component's ZRT_* URL variable or install its binary; see docs/testkit.md.";
        if (Settings.infrastructureRequired()) {
            return new IllegalStateException("ZRT_REQUIRE_INFRA=true but " + message);
        }
        return new TestAbortedException(message);
    }
}
