package io.zrt.client;

/** Bytes given to an import or restore method are not a valid encoding of what was expected. */
public final class StateFormatException extends ZrtException {

    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
