package io.zrt.client.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records in memory (copies in and out): for tests and for applications that persist by exporting sessions
 * themselves. Nothing survives the process.
 */
public final class InMemorySessionStorage implements SessionStorage {

    private final Map<StorageKey, byte[]> records = new ConcurrentHashMap<>();

    @Override
    public byte[] read(StorageKey key) {
        byte[] record = records.get(key);
        return record == null ? null : record.clone();
    }

    @Override
    public void write(StorageKey key, byte[] record) {
        records.put(key, record.clone());
    }

    @Override
    public void delete(StorageKey key) {
        records.remove(key);
    }

    @Override
    public List<String> groups(String userId) {
        StorageKey.requireUserId(userId);
        List<String> out = new ArrayList<>();
        for (StorageKey key : records.keySet()) {
            if (key.userId().equals(userId) && key.kind() == RecordKind.SNAPSHOT) {
                out.add(key.groupId());
            }
        }
        return out;
    }

    /** How many records are stored (diagnostics and tests). */
    public int size() {
        return records.size();
    }
}
