package io.zrt.client.storage;

/** The kinds of record the SDK keeps per (user, group); each record is sealed and names its kind in its header. */
public enum RecordKind {
    /**
     * Everything about the session: tree, path secrets, keys, member list, metadata, position, pending operations
     * and invites. Rewritten when an operation, a member-list or metadata change or an invite change lands.
     */
    SNAPSHOT,
    /**
     * What a plain message changes (position, counters, pending operations), valid on top of the snapshot
     * of the same generation. Rewritten for every other change, so a message never rewrites the snapshot.
     */
    JOURNAL,
    /**
     * An unidentified invite fetched from Transistor (read-once there) and kept until the join it is for landed,
     * so a failed or repeated redemption never burns it. Stored under the ticket's transfer id in place of a
     * group id; not a session, so {@link SessionStorage#groups} does not list it.
     */
    TICKET
}
