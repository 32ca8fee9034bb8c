package io.zrt.client;

import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.StateCodec;
import io.zrt.client.internal.StoredSession;

/**
 * Migration of exports from state format version 1 (unsealed: what the SDK wrote before sealing, up to
 * 0.1.0-SNAPSHOT of 2026-12-04) to version 2 (sealed). A version 1 record is never accepted implicitly: an
 * attacker who can write the application's storage could otherwise replace a sealed record with an unsealed one of
 * its choosing. Stored sessions migrate with {@link ZrtClient#resealStoredSessions}; exports the application kept
 * itself migrate here, once.
 */
public final class StateMigration {

    private StateMigration() {
    }

    /** A version 1 identity export ({@code "ZRTID"} ‖ 0x01 …), decoded strictly and sealed under {@code key}. */
    public static byte[] sealIdentityExport(byte[] unsealed, StateKey key) throws StateFormatException {
        return Identity.decodeUnsealed(unsealed).export(key);
    }

    /**
     * A version 1 session export (the unsealed {@code "ZRTSS"} snapshot of generation 0), decoded strictly,
     * required to belong to {@code owner}, and sealed under {@code key} for {@link ZrtClient#restore}.
     */
    public static byte[] sealSessionExport(byte[] unsealed, Identity owner, StateKey key)
            throws StateFormatException {
        if (StateCodec.generationOf(unsealed) != 0) {
            throw new StateFormatException("a session export has generation 0");
        }
        SessionState state = StateCodec.decode(unsealed);
        if (!state.myUserId().equals(owner.userId())) {
            throw new StateFormatException("session export belongs to another identity");
        }
        return StoredSession.sealExport(StateSealer.of(key), state);
    }
}
