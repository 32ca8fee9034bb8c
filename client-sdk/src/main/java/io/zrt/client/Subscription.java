package io.zrt.client;

/**
 * A live subscription of one group; closing it removes its listener and, once no subscription of the group is
 * left, takes the group off the client's live connection.
 */
public interface Subscription extends AutoCloseable {

    /** True while the client's live connection carries this group (it reconnects by itself after failures). */
    boolean isConnected();

    /** How many times a connection carrying this group was (re-)established. */
    int connections();

    @Override
    void close();
}
