package io.zrt.crypto;

/** A ciphertext that is too short, was altered, or was made under another key or associated data. */
public final class DecryptionException extends CryptoException {

    public DecryptionException(String message) {
        super(message);
    }
}
