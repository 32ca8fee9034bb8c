package io.zrt.crypto.ristretto;

/**
 * Thrown when bytes from outside are not a valid encoding: a Ristretto255 point that RFC 9496 rejects
 * or a scalar that is not canonical. Checked, so callers must decide what a bad input means for them.
 */
public final class RistrettoDecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    public RistrettoDecodingException(String message) {
        super(message);
    }
}
