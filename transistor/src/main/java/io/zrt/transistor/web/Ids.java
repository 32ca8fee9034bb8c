package io.zrt.transistor.web;

import java.util.UUID;

/** Ids of transfers and blobs: UUIDs in their canonical 36-character form, so each item has one spelling. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String text) {
        if (text != null && text.length() == 36) {
            try {
                UUID uuid = UUID.fromString(text);
                if (uuid.toString().equalsIgnoreCase(text)) {
                    return uuid;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw ApiException.badRequest("invalid_id",
                "the id must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
}
