package io.zrt.crypto;

import java.security.GeneralSecurityException;

/**
 * Root of the checked exceptions thrown by ZRT cryptography. Every failure caused by untrusted input
 * (bytes from the network, a signature, a ciphertext) surfaces as a subclass of this type, never as an
 * unchecked library exception.
 */
public abstract class CryptoException extends GeneralSecurityException {

    protected CryptoException(String message) {
        super(message);
    }

    protected CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
