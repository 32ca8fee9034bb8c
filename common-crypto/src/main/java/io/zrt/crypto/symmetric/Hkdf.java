package io.zrt.crypto.symmetric;

import io.zrt.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) over HMAC-SHA3-256. In ZRT the salt is always the ASCII label of the derivation
 * (e.g. {@code zrt/v1/stage}) and the info is empty unless a construction says otherwise.
 */
public final class Hkdf {

    public static final int HASH_LENGTH = 32;
    private static final String HMAC = "HmacSHA3-256";

    private Hkdf() {
    }

    /** 32 bytes of key material with salt = label and empty info. */
    public static SecretBytes deriveKey(String label, byte[] ikm) {
        byte[] okm = derive(label, ikm, new byte[0], HASH_LENGTH);
        try {
            return SecretBytes.copyOf(okm);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    public static byte[] derive(String saltLabel, byte[] ikm, byte[] info, int length) {
        return derive(saltLabel.getBytes(StandardCharsets.US_ASCII), ikm, info, length);
    }

    /** Extract then expand; {@code length} at most 255·32 bytes. */
    public static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) {
        if (length < 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length out of range");
        }
        byte[] prk = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) {
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            Mac mac = newMac(prk);
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, okm, written, take);
            written += take;
        }
        return okm;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        Mac mac = newMac(key);
        return mac.doFinal(data);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA3-256 unavailable", e);
        }
    }
}
