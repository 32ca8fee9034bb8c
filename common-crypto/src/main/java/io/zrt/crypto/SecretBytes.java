package io.zrt.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Holder for secret key material. It never shows its content in {@link #toString()}, compares in constant
 * time, hands out copies only, and can be wiped once it is no longer needed. After {@link #wipe()} every
 * access fails, so a use-after-wipe bug cannot silently operate on zeros.
 */
public final class SecretBytes {

    private final byte[] bytes;
    private volatile boolean wiped;

    private SecretBytes(byte[] ownedBytes) {
        this.bytes = ownedBytes;
    }

    /** Copies the given bytes; the caller may (and should) wipe its own array afterwards. */
    public static SecretBytes copyOf(byte[] secret) {
        return new SecretBytes(secret.clone());
    }

    public int length() {
        return bytes.length;
    }

    /** A fresh copy of the secret; the caller owns it and should wipe it after use. */
    public byte[] toByteArray() {
        checkNotWiped();
        return bytes.clone();
    }

    /** Constant-time equality (for lengths that match; the length itself is not secret). */
    public boolean equalsSecret(SecretBytes other) {
        checkNotWiped();
        other.checkNotWiped();
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** Overwrites the content with zeros; later accesses throw {@link IllegalStateException}. */
    public void wipe() {
        Arrays.fill(bytes, (byte) 0);
        wiped = true;
    }

    public boolean isWiped() {
        return wiped;
    }

    private void checkNotWiped() {
        if (wiped) {
            throw new IllegalStateException("secret was wiped");
        }
    }

    /** Identity semantics: secrets are compared explicitly with {@link #equalsSecret}. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes, redacted]";
    }
}
