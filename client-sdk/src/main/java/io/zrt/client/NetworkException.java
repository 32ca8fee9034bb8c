package io.zrt.client;

/** A service could not be reached, timed out, or answered something that is not its protocol. */
public final class NetworkException extends ZrtException {

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
