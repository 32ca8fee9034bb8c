package io.zrt.crypto;

/** A signature or proof that does not verify (including one whose bytes cannot even be decoded). */
public final class VerificationException extends CryptoException {

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
