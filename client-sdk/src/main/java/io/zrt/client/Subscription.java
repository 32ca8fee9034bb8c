package io.zrt.client;

/** A live subscription of one group; closing it stops delivery. */
public interface Subscription extends AutoCloseable {

    /** True while the SSE connection is open (it reconnects by itself after failures). */
    boolean isConnected();

    /** How many times the connection was (re-)established. */
    int connections();

    @Override
    void close();
}
