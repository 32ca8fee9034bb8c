package io.zrt.client.engine;

import io.zrt.client.StateFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The envelope of every record the SDK persists or exports, state format version 2 (docs/client-sdk.md, "Sealed
 * records"). The header is in the clear and is the AEAD's associated data, so none of it can be changed without
 * the record failing to open; the body is AES-256-GCM over the unsealed encoding (the version 1 record:
 * {@link StateCodec}'s snapshot or journal, or the identity export). Integers little-endian:
 *
 * <pre>
 * "ZRTSEAL" ‖ 0x02 ‖ kind u8 ‖ generation u64 ‖ user id (16) ‖ group id (16; zero for an identity; the
 *           transfer id for a kept ticket)
 *           ‖ u8 length ‖ key id (ASCII) ‖ IV (12) ‖ ciphertext ‖ tag (16)
 * </pre>
 *
 * This class only lays out and parses headers, strictly; the cipher is the client's.
 */
public final class SealedFormat {

    private static final byte[] MAGIC = "ZRTSEAL".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 2;
    public static final int IV_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final byte[] NO_GROUP = new byte[16];

    private SealedFormat() {
    }

    /** What a record is; a record opens only as the kind it was sealed as. */
    public enum Kind {
        SNAPSHOT(1), JOURNAL(2), SESSION_EXPORT(3), IDENTITY_EXPORT(4), TICKET(5);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        static Kind of(int code) throws StateFormatException {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new StateFormatException("sealed record of unknown kind " + code);
        }
    }

    /** A parsed header; {@code aad} is its exact bytes (the associated data), {@code body} ciphertext and tag. */
    public record Parsed(Kind kind, long generation, String userId, byte[] groupId, String keyId, byte[] iv,
            byte[] aad, byte[] body) {
    }

    /** The header bytes, which are also the associated data of the body that follows them. */
    public static byte[] header(Kind kind, long generation, String userId, byte[] groupId, String keyId,
            byte[] iv) {
        if (generation < 0 || iv.length != IV_LENGTH || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("invalid sealed record header");
        }
        byte[] group = groupId == null ? NO_GROUP : groupId;
        if (group.length != 16) {
            throw new IllegalArgumentException("a group id is 16 bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + keyId.length());
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(kind.code);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(generation).array());
        out.writeBytes(userIdBytes(userId));
        out.writeBytes(group);
        out.write(keyId.length());
        out.writeBytes(keyId.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(iv);
        return out.toByteArray();
    }

    /** Strict parsing of a sealed record's header; the body is not opened here. */
    public static Parsed parse(byte[] record) throws StateFormatException {
        if (record == null) {
            throw new StateFormatException("no sealed record");
        }
        if (!isSealed(record)) {
            throw isUnsealed(record)
                    ? new StateFormatException("an unsealed record of state format version 1 is not read: "
                            + "migrate it (StateMigration, ZrtClient.resealStoredSessions)")
                    : new StateFormatException("not a sealed ZRT record");
        }
        int fixed = MAGIC.length + 2 + 8 + 16 + 16 + 1;
        if (record.length < fixed) {
            throw new StateFormatException("sealed record is truncated");
        }
        if ((record[MAGIC.length] & 0xff) != VERSION) {
            throw new StateFormatException("unknown sealed state format version " + (record[MAGIC.length] & 0xff));
        }
        ByteBuffer in = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        in.position(MAGIC.length + 1);
        Kind kind = Kind.of(in.get() & 0xff);
        long generation = in.getLong();
        if (generation < 0) {
            throw new StateFormatException("sealed record names a negative generation");
        }
        byte[] user = new byte[16];
        in.get(user);
        byte[] group = new byte[16];
        in.get(group);
        int keyIdLength = in.get() & 0xff;
        if (record.length < fixed + keyIdLength + IV_LENGTH + TAG_LENGTH) {
            throw new StateFormatException("sealed record is truncated");
        }
        byte[] keyIdBytes = new byte[keyIdLength];
        in.get(keyIdBytes);
        String keyId = new String(keyIdBytes, StandardCharsets.US_ASCII);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new StateFormatException("sealed record names an invalid key id");
        }
        byte[] iv = new byte[IV_LENGTH];
        in.get(iv);
        int headerLength = in.position();
        return new Parsed(kind, generation, HexFormat.of().formatHex(user), group, keyId, iv,
                Arrays.copyOf(record, headerLength), Arrays.copyOfRange(record, headerLength, record.length));
    }

    /** Whether the bytes start as a sealed record (of any version). */
    public static boolean isSealed(byte[] record) {
        return record != null && record.length > MAGIC.length
                && Arrays.equals(record, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** Whether the bytes start as an unsealed record of version 1: a snapshot, journal or identity export. */
    public static boolean isUnsealed(byte[] record) {
        return record != null && record.length >= 5 && !isSealed(record)
                && (startsWith(record, "ZRTSS") || startsWith(record, "ZRTSJ") || startsWith(record, "ZRTID"));
    }

    /** The generation a sealed record's header names (not authenticated: only to pick a higher one), or -1. */
    public static long generationOf(byte[] record) {
        try {
            return parse(record).generation();
        } catch (StateFormatException e) {
            return -1;
        }
    }

    private static boolean startsWith(byte[] record, String magic) {
        byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
        return Arrays.equals(record, 0, m.length, m, 0, m.length);
    }

    private static byte[] userIdBytes(String userId) {
        if (userId == null || !userId.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a user id is 32 lowercase hex characters");
        }
        return HexFormat.of().parseHex(userId);
    }
}
