package io.zrt.client.storage;

import io.zrt.client.StorageException;
import java.util.List;

/**
 * Where the SDK keeps its sessions (OpenMLS's {@code StorageProvider} is the model): opaque, versioned byte records
 * keyed by (user, group, record kind). The SDK writes every state change through it before acting on the change
 * (before posting an operation, before delivering a processed frame), so whatever it reads back after a crash is a
 * state the session really had. Records arrive sealed (AES-GCM under the application's state key, bound to their
 * slot): a storage needs no encryption of its own and cannot change a record unnoticed.
 *
 * <p>Contract: {@link #write} is atomic (a reader sees the old or the new record, never a mix) and durable when it
 * returns; the SDK serializes writes per (user, group) and never writes the same key from two threads at once, but
 * different groups are written concurrently. {@link FileSessionStorage} (atomic rename, fsync) and
 * {@link InMemorySessionStorage} are provided.
 */
public interface SessionStorage {

    /** The record, or null if there is none. */
    byte[] read(StorageKey key) throws StorageException;

    /** Stores the record atomically and durably, replacing any previous one. */
    void write(StorageKey key, byte[] record) throws StorageException;

    /** Removes the record if present. */
    void delete(StorageKey key) throws StorageException;

    /** The groups of which this user has a {@link RecordKind#SNAPSHOT} record (a session), in no particular order. */
    List<String> groups(String userId) throws StorageException;
}
