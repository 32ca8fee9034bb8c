package io.zrt.client.internal;

import io.zrt.client.StateFormatException;
import io.zrt.client.StorageException;
import io.zrt.client.engine.SealedFormat;
import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.StateCodec;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.SessionStorage;
import io.zrt.client.storage.StorageKey;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import java.util.Arrays;

/**
 * One session's records in the application's {@link SessionStorage}: a snapshot, rewritten when the epoch part
 * of the state changes (an operation, a member-list or metadata change), and a journal, rewritten for every other
 * change (a plain message: position and counters; queued or completed own operations; invites). The journal
 * carries the snapshot's generation and counts only on top of it, so each single write leaves a state the session
 * really had. Every record is sealed ({@link Sealer}) before it reaches the storage, bound to its kind, user,
 * group and generation, so a record moved, swapped or altered there does not open. Called under the session's
 * lock.
 */
public final class StoredSession {

    private final SessionStorage storage;
    private final Sealer sealer;
    private final String userId;
    private final byte[] groupId;
    private final StorageKey snapshotKey;
    private final StorageKey journalKey;
    private long generation;
    private volatile boolean retired;

    private StoredSession(SessionStorage storage, Sealer sealer, String userId, String groupId, long generation) {
        this.storage = storage;
        this.sealer = sealer;
        this.userId = userId;
        this.snapshotKey = new StorageKey(userId, groupId, RecordKind.SNAPSHOT);
        this.journalKey = new StorageKey(userId, groupId, RecordKind.JOURNAL);
        this.groupId = groupBytes(groupId);
        this.generation = generation;
    }

    /** A session loaded from storage, with the records it continues. */
    public record Loaded(SessionState state, StoredSession store) {
    }

    /** The stored session of this user in this group, or null if there is none. */
    public static Loaded load(SessionStorage storage, Sealer sealer, String userId, String groupId)
            throws StorageException, StateFormatException {
        StoredSession store = new StoredSession(storage, sealer, userId, groupId, 0);
        byte[] snapshot = storage.read(store.snapshotKey);
        if (snapshot == null) {
            return null;
        }
        StateCodec.Stored stored = store.open(snapshot, storage.read(store.journalKey));
        store.generation = stored.generation();
        return new Loaded(stored.state(), store);
    }

    /**
     * Stores a session that starts here (created, joined or imported), replacing whatever this user had stored
     * for the group: its snapshot gets a generation above any record there, so an older journal never counts.
     */
    public static StoredSession create(SessionStorage storage, Sealer sealer, String userId, SessionState state)
            throws StorageException {
        StoredSession store = new StoredSession(storage, sealer, userId, state.groupId().text(), 0);
        long previous = Math.max(generationOf(storage.read(store.snapshotKey)),
                generationOf(storage.read(store.journalKey)));
        store.generation = previous + 1;
        store.writeSnapshot(state, store.generation);
        return store;
    }

    /**
     * Re-seals this user's records of the group under the current key, keeping their generations: records of
     * an older key (rotation) or unsealed ones of format version 1 (migration; decoded strictly first and
     * required to belong to this user). Returns how many records were rewritten. Not to be run while a session of
     * the group is open.
     */
    public static int reseal(SessionStorage storage, Sealer sealer, String userId, String groupId)
            throws StorageException, StateFormatException {
        StoredSession store = new StoredSession(storage, sealer, userId, groupId, 0);
        byte[] snapshot = storage.read(store.snapshotKey);
        byte[] journal = storage.read(store.journalKey);
        if (snapshot == null) {
            return 0;
        }
        byte[] plainSnapshot = store.plain(snapshot, SealedFormat.Kind.SNAPSHOT);
        byte[] plainJournal = journal == null ? null : store.plain(journal, SealedFormat.Kind.JOURNAL);
        decodeOwned(plainSnapshot, plainJournal, userId, store.groupId); // what is re-sealed is decoded first
        int rewritten = 0;
        // the snapshot first: a crash in between leaves a journal that still opens (or is migrated next time)
        if (!sealer.sealedUnderCurrentKey(snapshot)) {
            storage.write(store.snapshotKey, sealer.seal(SealedFormat.Kind.SNAPSHOT,
                    StateCodec.generationOf(plainSnapshot), userId, store.groupId, plainSnapshot));
            rewritten++;
        }
        if (journal != null && !sealer.sealedUnderCurrentKey(journal)) {
            storage.write(store.journalKey, sealer.seal(SealedFormat.Kind.JOURNAL,
                    StateCodec.generationOf(plainJournal), userId, store.groupId, plainJournal));
            rewritten++;
        }
        Arrays.fill(plainSnapshot, (byte) 0);
        if (plainJournal != null) {
            Arrays.fill(plainJournal, (byte) 0);
        }
        return rewritten;
    }

    /** Writes the change from {@code previous} to {@code next} (a snapshot or a journal record). */
    public void save(SessionState previous, SessionState next) throws StorageException {
        if (retired) {
            throw new StorageException("this session was replaced (restored or joined again); use the new one");
        }
        if (next.epochPartDiffers(previous)) {
            writeSnapshot(next, generation + 1);
            generation++;
        } else {
            byte[] plain = StateCodec.encodeJournal(next, generation);
            storage.write(journalKey, sealer.seal(SealedFormat.Kind.JOURNAL, generation, userId, groupId, plain));
            Arrays.fill(plain, (byte) 0);
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

    private void writeSnapshot(SessionState state, long snapshotGeneration) throws StorageException {
        byte[] plain = StateCodec.encodeSnapshot(state, snapshotGeneration);
        storage.write(snapshotKey,
                sealer.seal(SealedFormat.Kind.SNAPSHOT, snapshotGeneration, userId, groupId, plain));
        Arrays.fill(plain, (byte) 0);
    }

    /** The sealed export of a session ({@code GroupSession.serialize()}): its snapshot of generation 0. */
    public static byte[] sealExport(Sealer sealer, SessionState state) {
        byte[] plain = StateCodec.encode(state);
        try {
            return sealer.seal(SealedFormat.Kind.SESSION_EXPORT, 0, state.myUserId(), state.groupId().toBytes(),
                    plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** A session from its sealed export, checked like a stored snapshot: this user's, of its own group. */
    public static SessionState openExport(Sealer sealer, byte[] export, String userId) throws StateFormatException {
        Sealer.Opened opened = opened(sealer, export, SealedFormat.Kind.SESSION_EXPORT, userId, null);
        try {
            if (opened.generation() != 0) {
                throw new StateFormatException("a session export has generation 0");
            }
            return decodeOwned(opened.plain(), null, userId, opened.groupId()).state();
        } finally {
            Arrays.fill(opened.plain(), (byte) 0);
        }
    }

    private StateCodec.Stored open(byte[] snapshot, byte[] journal) throws StateFormatException {
        byte[] s = opened(sealer, snapshot, SealedFormat.Kind.SNAPSHOT, userId, groupId).plain();
        byte[] j = journal == null ? null : opened(sealer, journal, SealedFormat.Kind.JOURNAL, userId, groupId).plain();
        try {
            return decodeOwned(s, j, userId, groupId);
        } finally {
            Arrays.fill(s, (byte) 0);
            if (j != null) {
                Arrays.fill(j, (byte) 0);
            }
        }
    }

    /** A record's plain bytes: opened if sealed, or the record itself if it is an unsealed version 1 record. */
    private byte[] plain(byte[] record, SealedFormat.Kind kind) throws StateFormatException {
        return SealedFormat.isUnsealed(record) ? record.clone() : opened(sealer, record, kind, userId, groupId).plain();
    }

    /** A sealed record opened, its content's generation checked against its header's. */
    private static Sealer.Opened opened(Sealer sealer, byte[] record, SealedFormat.Kind kind, String userId,
            byte[] groupId) throws StateFormatException {
        Sealer.Opened opened = sealer.open(record, kind, userId, groupId);
        if (StateCodec.generationOf(opened.plain()) != opened.generation()) {
            Arrays.fill(opened.plain(), (byte) 0);
            throw new StateFormatException("sealed record's generation differs from its content's");
        }
        return opened;
    }

    /** Strict decoding, and the content must name the user and group its record is stored or sealed for. */
    private static StateCodec.Stored decodeOwned(byte[] snapshot, byte[] journal, String userId, byte[] groupId)
            throws StateFormatException {
        StateCodec.Stored stored = StateCodec.decode(snapshot, journal);
        if (!stored.state().myUserId().equals(userId)
                || !Arrays.equals(stored.state().groupId().toBytes(), groupId)) {
            throw new StateFormatException("session state belongs to another identity or group");
        }
        return stored;
    }

    private static long generationOf(byte[] record) {
        return SealedFormat.isSealed(record) ? SealedFormat.generationOf(record) : StateCodec.generationOf(record);
    }

    private static byte[] groupBytes(String groupId) {
        try {
            return GroupId.parse(groupId).toBytes();
        } catch (FrameRejectedException e) {
            throw new IllegalArgumentException("not a group id: " + groupId, e);
        }
    }
}
