package io.zrt.crypto;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Shared pieces of the decoder fuzz tests: seeded input generators (random bytes and mutations of valid
 * encodings) and a check that a decoder either accepts or throws one expected checked exception type.
 * The seed can be overridden with -Dzrt.fuzz.seed=N to explore further; failures print seed and input.
 */
public final class FuzzSupport {

    private FuzzSupport() {
    }

    public static long seed(long defaultSeed) {
        return Long.getLong("zrt.fuzz.seed", defaultSeed);
    }

    public static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** Random length around the expected one (often exact), random content. */
    public static byte[] randomInput(SplittableRandom random, int expectedLength) {
        int length = random.nextInt(4) == 0 ? random.nextInt(0, 2 * expectedLength + 2) : expectedLength;
        return randomBytes(random, length);
    }

    /** A mutation of a valid encoding: bit flips, byte overwrites, high-byte games, truncation, extension. */
    public static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] out = valid.clone();
        switch (random.nextInt(7)) {
            case 0 -> flipBit(random, out);
            case 1 -> {
                int flips = 2 + random.nextInt(6);
                for (int i = 0; i < flips; i++) {
                    flipBit(random, out);
                }
            }
            case 2 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 3 -> {
                // The last byte of every 32-byte block holds the top bits and flags of the encodings.
                int block = random.nextInt(Math.max(1, out.length / 32));
                int index = Math.min(out.length - 1, 32 * block + 31);
                out[index] = (byte) random.nextInt(256);
            }
            case 4 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 5 -> out = Arrays.copyOf(out, out.length + 1 + random.nextInt(33));
            default -> {
                int from = random.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + random.nextInt(8));
                Arrays.fill(out, from, to, random.nextBoolean() ? (byte) 0 : (byte) 0xff);
            }
        }
        return out;
    }

    private static void flipBit(SplittableRandom random, byte[] out) {
        int bit = random.nextInt(out.length * 8);
        out[bit / 8] ^= (byte) (1 << (bit % 8));
    }

    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] input) throws Exception;
    }

    /**
     * Runs the decoder; returns the decoded value, or null if it threw {@code allowed}. Any other
     * throwable fails the test with the seed, the case number and the input.
     */
    public static <T> T decodeOrReject(Decoder<T> decoder, byte[] input, Class<? extends Exception> allowed,
            long seed, int caseNumber) {
        try {
            return decoder.decode(input);
        } catch (Throwable t) {
            if (allowed.isInstance(t)) {
                return null;
            }
            fail("seed " + seed + ", case " + caseNumber + ", input " + Hex.encode(input)
                    + ": unexpected " + t, t);
            return null;
        }
    }
}
