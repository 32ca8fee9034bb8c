package io.zrt.client;

/**
 * A ciphertext (frame payload, invite, Transistor transfer) did not decrypt under the key it should have:
 * altered, truncated, or made under another key. The session that reported it is unchanged.
 */
public final class DecryptionFailedException extends ZrtException {

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
