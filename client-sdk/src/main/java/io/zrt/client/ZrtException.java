package io.zrt.client;

/**
 * Root of every failure the SDK reports. Checked, so that a caller cannot forget that the network, the Node
 * or a peer may misbehave; the {@code CompletableFuture} variants complete exceptionally with the same types.
 * Messages never contain secrets.
 */
public abstract sealed class ZrtException extends Exception
        permits NetworkException, NodeRejectedException, VerificationFailedException, DecryptionFailedException,
        StateFormatException, GroupClosedException, StorageException, NotPermittedException {

    protected ZrtException(String message) {
        super(message);
    }

    protected ZrtException(String message, Throwable cause) {
        super(message, cause);
    }
}
