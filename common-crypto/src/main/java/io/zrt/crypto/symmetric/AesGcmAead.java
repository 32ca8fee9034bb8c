package io.zrt.crypto.symmetric;

import io.zrt.crypto.DecryptionException;
import io.zrt.crypto.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce for every encryption. Output: nonce ‖ ciphertext ‖ tag.
 * Random nonces keep the collision probability below 2⁻³² for up to 2³² messages per key, far beyond
 * the frames of one epoch.
 */
public final class AesGcmAead implements Aead {

    public static final int KEY_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    public static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    private AesGcmAead(SecretKeySpec key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    public static AesGcmAead create(SecretBytes key) {
        return create(key, new SecureRandom());
    }

    public static AesGcmAead create(SecretBytes key, SecureRandom random) {
        if (key.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256-GCM needs a 32-byte key");
        }
        byte[] raw = key.toByteArray();
        try {
            return new AesGcmAead(new SecretKeySpec(raw, "AES"), random);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(8 * TAG_LENGTH, nonce));
            cipher.updateAAD(associatedData);
            byte[] out = new byte[NONCE_LENGTH + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws DecryptionException {
        if (ciphertext == null || ciphertext.length < OVERHEAD) {
            throw new DecryptionException("ciphertext shorter than nonce and tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(8 * TAG_LENGTH, ciphertext, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext, NONCE_LENGTH, ciphertext.length - NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("authentication failed");
        }
    }

    @Override
    public String toString() {
        return "AesGcmAead[key redacted]";
    }
}
