package io.zrt.client.internal;

import io.zrt.client.StateFormatException;
import io.zrt.client.engine.SealedFormat;

/**
 * Seals and opens the SDK's records under the application's state keys (the client's AEAD; the envelope is
 * {@link SealedFormat}). Everything the SDK writes to storage or exports passes through here.
 */
public interface Sealer {

    /** The plain record sealed under the current key, bound to its kind, generation, user and group. */
    byte[] seal(SealedFormat.Kind kind, long generation, String userId, byte[] groupId, byte[] plain);

    /**
     * The plain record, if {@code record} is a sealed record of this kind for this user and group (null: any
     * group, returned in {@link Opened}) that opens under the key it names; otherwise {@link StateFormatException}.
     */
    Opened open(byte[] record, SealedFormat.Kind kind, String userId, byte[] groupId) throws StateFormatException;

    /** Whether the record is sealed under the current key (else re-sealing it is a rotation). */
    boolean sealedUnderCurrentKey(byte[] record);

    /** An opened record: its plain bytes and the header's values. */
    record Opened(byte[] plain, long generation, byte[] groupId, String keyId) {
    }
}
