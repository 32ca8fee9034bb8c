package io.zrt.client.storage;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one record lives: the user (its user id, 32 lowercase hex characters), the group (canonical lowercase UUID
 * text) and the kind of record. Both ids are checked, so a storage may use them as path or key components.
 */
public record StorageKey(String userId, String groupId, RecordKind kind) {

    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern GROUP_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public StorageKey {
        Objects.requireNonNull(kind);
        requireUserId(userId);
        requireGroupId(groupId);
    }

    static void requireUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("a user id is 32 lowercase hex characters");
        }
    }

    static void requireGroupId(String groupId) {
        if (groupId == null || !GROUP_ID.matcher(groupId).matches()) {
            throw new IllegalArgumentException("a group id is a canonical lowercase UUID");
        }
    }

    static boolean isGroupId(String text) {
        return GROUP_ID.matcher(text).matches();
    }
}
