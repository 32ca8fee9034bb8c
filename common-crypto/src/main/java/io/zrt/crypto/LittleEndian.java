package io.zrt.crypto;

import java.math.BigInteger;

/** Little-endian conversions between unsigned integers and byte arrays, as every ZRT encoding uses them. */
public final class LittleEndian {

    private LittleEndian() {
    }

    /** Reads the bytes as an unsigned little-endian integer (any length). */
    public static BigInteger toBigInteger(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** Writes a non-negative integer into exactly {@code length} little-endian bytes. */
    public static byte[] toBytes(BigInteger value, int length) {
        if (value.signum() < 0 || value.bitLength() > 8 * length) {
            throw new IllegalArgumentException("value does not fit in " + length + " bytes");
        }
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[length];
        // toByteArray may carry a leading sign byte; copy only the significant bytes in reverse order.
        for (int i = 0; i < length && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    public static byte[] u64(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    public static byte[] u32(int value) {
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }
}
