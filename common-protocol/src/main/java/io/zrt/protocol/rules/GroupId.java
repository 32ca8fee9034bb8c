package io.zrt.protocol.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The 16-byte group id. Its text form (URLs, database fields, push channels) is the canonical lowercase
 * UUID string of those 16 bytes, e.g. {@code 0f8fad5b-d9cb-469f-a165-70867728950e}; any other spelling
 * (upper case, missing dashes, braces) is refused so that one group has exactly one name.
 */
public final class GroupId {

    public static final int LENGTH = 16;
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final byte[] bytes;

    private GroupId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static GroupId ofBytes(byte[] bytes) throws FrameRejectedException {
        if (bytes == null || bytes.length != LENGTH) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "group id must be 16 bytes");
        }
        return new GroupId(bytes.clone());
    }

    public static GroupId parse(String text) throws FrameRejectedException {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD,
                    "group id must be a lowercase canonical UUID string (8-4-4-4-12 hex digits)");
        }
        return new GroupId(HexFormat.of().parseHex(text.replace("-", "")));
    }

    public static GroupId random(java.security.SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new GroupId(b);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The canonical text form. */
    public String text() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
