package io.zrt.crypto;

/** Bytes that are not a canonical encoding of the expected value (wrong length, out of range, not on the curve). */
public final class InvalidEncodingException extends CryptoException {

    public InvalidEncodingException(String message) {
        super(message);
    }
}
