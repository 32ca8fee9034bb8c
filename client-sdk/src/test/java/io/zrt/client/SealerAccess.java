package io.zrt.client;

import io.zrt.client.internal.Sealer;
import java.security.SecureRandom;

/** Test-only access to the client's sealer, for engine tests that write records without a client. */
public final class SealerAccess {

    private SealerAccess() {
    }

    public static Sealer sealer(StateKey current, StateKey... older) {
        return new StateSealer(StateKeys.of(current, older), new SecureRandom());
    }
}
