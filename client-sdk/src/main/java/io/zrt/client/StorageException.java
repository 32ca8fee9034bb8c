package io.zrt.client;

/**
 * The session storage could not read or durably write a record. The session's state did not change: the SDK
 * writes every change before it acts on it, so a failed write means the change did not happen.
 */
public final class StorageException extends ZrtException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
