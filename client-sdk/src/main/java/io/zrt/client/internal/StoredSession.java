package io.zrt.client.internal;

import io.zrt.client.StateFormatException;
import io.zrt.client.StorageException;
import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.StateCodec;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.SessionStorage;
import io.zrt.client.storage.StorageKey;

/**
 * One session's records in the application's {@link SessionStorage}: a snapshot, rewritten when the epoch part
 * of the state changes (an operation, a member-list or metadata change), and a journal, rewritten for every other
 * change (a plain message: position and counters; queued or completed own operations; invites). The journal
 * carries the snapshot's generation and counts only on top of it, so each single write leaves a state the session
 * really had. Called under the session's lock.
 */
public final class StoredSession {

    private final SessionStorage storage;
    private final StorageKey snapshotKey;
    private final StorageKey journalKey;
    private long generation;
    private volatile boolean retired;

    private StoredSession(SessionStorage storage, String userId, String groupId, long generation) {
        this.storage = storage;
        this.snapshotKey = new StorageKey(userId, groupId, RecordKind.SNAPSHOT);
        this.journalKey = new StorageKey(userId, groupId, RecordKind.JOURNAL);
        this.generation = generation;
    }

    /** A session loaded from storage, with the records it continues. */
    public record Loaded(SessionState state, StoredSession store) {
    }

    /** The stored session of this user in this group, or null if there is none. */
    public static Loaded load(SessionStorage storage, String userId, String groupId) throws StorageException,
            StateFormatException {
        StoredSession store = new StoredSession(storage, userId, groupId, 0);
        byte[] snapshot = storage.read(store.snapshotKey);
        if (snapshot == null) {
            return null;
        }
        StateCodec.Stored stored = StateCodec.decode(snapshot, storage.read(store.journalKey));
        store.generation = stored.generation();
        return new Loaded(stored.state(), store);
    }

    /**
     * Stores a session that starts here (created, joined or imported), replacing whatever this user had stored
     * for the group: its snapshot gets a generation above any record there, so an older journal never counts.
     */
    public static StoredSession create(SessionStorage storage, String userId, SessionState state)
            throws StorageException {
        StoredSession store = new StoredSession(storage, userId, state.groupId().text(), 0);
        long previous = Math.max(StateCodec.generationOf(storage.read(store.snapshotKey)),
                StateCodec.generationOf(storage.read(store.journalKey)));
        store.generation = previous + 1;
        storage.write(store.snapshotKey, StateCodec.encodeSnapshot(state, store.generation));
        return store;
    }

    /** Writes the change from {@code previous} to {@code next} (a snapshot or a journal record). */
    public void save(SessionState previous, SessionState next) throws StorageException {
        if (retired) {
            throw new StorageException("this session was replaced (restored or joined again); use the new one");
        }
        if (next.epochPartDiffers(previous)) {
            storage.write(snapshotKey, StateCodec.encodeSnapshot(next, generation + 1));
            generation++;
        } else {
            storage.write(journalKey, StateCodec.encodeJournal(next, generation));
        }
    }

    /** After a newer session took these records over: every later change of the old one is refused. */
    public void retire() {
        retired = true;
    }

    /** Removes the session's records. */
    public void delete() throws StorageException {
        storage.delete(journalKey);
        storage.delete(snapshotKey);
    }
}
