package io.zrt.crypto;

import java.util.HexFormat;

/** Lowercase hexadecimal, for identifiers, logs of public values and tests. */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Parses even-length hex; throws {@link IllegalArgumentException} on bad input (trusted input only). */
    public static byte[] decode(String hex) {
        return FORMAT.parseHex(hex);
    }
}
