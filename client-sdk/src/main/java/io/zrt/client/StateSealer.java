package io.zrt.client;

import io.zrt.client.engine.SealedFormat;
import io.zrt.client.internal.Sealer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over {@link SealedFormat} records under the application's {@link StateKeys}: the header (format
 * version, kind, generation, user id, group id, key id, IV) is the associated data. The IV is chosen by the
 * key's provider from {@code random} (96 bits), which also suits keystore keys that insist on their own IVs.
 */
final class StateSealer implements Sealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final StateKeys keys;
    private final SecureRandom random;

    StateSealer(StateKeys keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public byte[] seal(SealedFormat.Kind kind, long generation, String userId, byte[] groupId, byte[] plain) {
        StateKey key = Objects.requireNonNull(keys.current(), "StateKeys.current()");
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), random);
            byte[] iv = cipher.getIV();
            if (iv == null || iv.length != SealedFormat.IV_LENGTH) {
                throw new IllegalStateException("the state key's provider chose an IV that is not 96 bits");
            }
            byte[] header = SealedFormat.header(kind, generation, userId, groupId, key.id(), iv);
            cipher.updateAAD(header);
            byte[] body = cipher.doFinal(plain);
            byte[] record = new byte[header.length + body.length];
            System.arraycopy(header, 0, record, 0, header.length);
            System.arraycopy(body, 0, record, header.length, body.length);
            return record;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal with state key " + key.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Opened open(byte[] record, SealedFormat.Kind kind, String userId, byte[] groupId)
            throws StateFormatException {
        SealedFormat.Parsed parsed = SealedFormat.parse(record);
        if (parsed.kind() != kind) {
            throw new StateFormatException("sealed record is a " + parsed.kind() + ", not a " + kind);
        }
        if (userId != null && !parsed.userId().equals(userId)) {
            throw new StateFormatException("sealed record belongs to another identity");
        }
        if (groupId != null && !MessageDigest.isEqual(parsed.groupId(), groupId)) {
            throw new StateFormatException("sealed record belongs to another group");
        }
        StateKey key = keys.find(parsed.keyId()).orElseThrow(() -> new StateFormatException(
                "sealed under state key '" + parsed.keyId() + "', which the client's StateKeys do not hold"));
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(SealedFormat.TAG_LENGTH * 8, parsed.iv()));
            cipher.updateAAD(parsed.aad());
            byte[] plain = cipher.doFinal(parsed.body());
            return new Opened(plain, parsed.generation(), parsed.groupId(), parsed.keyId());
        } catch (AEADBadTagException e) {
            throw new StateFormatException("sealed record does not open under state key '" + parsed.keyId()
                    + "' (a wrong key, or altered bytes)");
        } catch (GeneralSecurityException e) {
            throw new StateFormatException("sealed record cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean sealedUnderCurrentKey(byte[] record) {
        try {
            return SealedFormat.parse(record).keyId().equals(keys.current().id());
        } catch (StateFormatException e) {
            return false;
        }
    }

    /** A sealer with this one key (exports the application seals itself). */
    static StateSealer of(StateKey key) {
        return new StateSealer(StateKeys.of(key), new SecureRandom());
    }

    /** A sealer under a random key held only by this process: records it seals open nowhere else. */
    static StateSealer ephemeral(SecureRandom random) {
        return new StateSealer(StateKeys.of(StateKey.generate("ephemeral", random)), random);
    }
}
