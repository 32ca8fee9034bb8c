package io.zrt.client;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application's key for the SDK's state at rest: an AES-256 key and the id under which it is named in every
 * record it seals (docs/client-sdk.md, "Sealed records"). Immutable; {@link #toString()} shows only the id.
 *
 * <p>The key may come from a platform keystore ({@link #of(String, SecretKey)} keeps the key object, so a
 * non-extractable keystore key works as long as its provider does AES/GCM and chooses or accepts a random IV), or
 * from 32 bytes the application keeps secret ({@link #of(String, byte[])}). AES-GCM with random 96-bit IVs: seal
 * at most 2<sup>32</sup> records under one key (a busy client writes one record per message; rotate with a new id
 * well before, see {@link ZrtClient#resealStoredSessions}).
 */
public final class StateKey {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String id;
    private final SecretKey key;

    private StateKey(String id, SecretKey key) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a state key id is 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        Objects.requireNonNull(key, "key");
        if (!"AES".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalArgumentException("a state key is an AES key, not " + key.getAlgorithm());
        }
        byte[] encoded = key.getEncoded(); // null for a key that never leaves its keystore
        if (encoded != null) {
            int length = encoded.length;
            Arrays.fill(encoded, (byte) 0);
            if (length != 32) {
                throw new IllegalArgumentException("a state key is 256 bits, not " + length * 8);
            }
        }
        this.id = id;
        this.key = key;
    }

    /** A key object the application holds (for example from {@code java.security.KeyStore}). */
    public static StateKey of(String id, SecretKey key) {
        return new StateKey(id, key);
    }

    /** A key from its 32 secret bytes (copied). */
    public static StateKey of(String id, byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a state key is 32 bytes");
        }
        return new StateKey(id, new SecretKeySpec(key, "AES"));
    }

    /** A fresh random key; the application stores it (its bytes through its own keystore) to read records again. */
    public static StateKey generate(String id, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        try {
            return of(id, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The name written in every record this key seals; lets a reader pick the key out of several. */
    public String id() {
        return id;
    }

    /** For the SDK's cipher only. */
    SecretKey secretKey() {
        return key;
    }

    @Override
    public String toString() {
        return "StateKey[id=" + id + ", secret redacted]";
    }
}
