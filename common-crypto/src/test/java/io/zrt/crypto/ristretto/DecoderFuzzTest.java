package io.zrt.crypto.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the two decoders with random bytes and mutations of valid encodings: the only
 * failure allowed is RistrettoDecodingException, and anything accepted must re-encode to the input.
 */
class DecoderFuzzTest {
    private static final int CASES = 100_000;

    @Test
    void pointDecoderOnlyEverThrowsItsTypedException() {
        Random rnd = new Random(0x5EED_0001L);
        byte[][] valid = new byte[64][];
        for (int i = 0; i < valid.length; i++) {
            valid[i] = RistrettoPoint.mulBase(Scalar.fromLong(i)).encode();
        }
        int accepted = 0;
        int rejected = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] input = candidate(rnd, valid);
            try {
                RistrettoPoint p = RistrettoPoint.decode(input);
                assertThat(p.encode()).isEqualTo(input);
                accepted++;
            } catch (RistrettoDecodingException expected) {
                rejected++;
            }
        }
        assertThat(accepted + rejected).isEqualTo(CASES);
        // Both outcomes must actually occur, or the generator is not exercising the decoder.
        assertThat(accepted).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    @Test
    void scalarDecoderOnlyEverThrowsItsTypedException() {
        Random rnd = new Random(0x5EED_0002L);
        byte[][] valid = {Scalar.one().negate().toBytes(), Scalar.zero().toBytes(), Scalar.orderBytes(),
            Scalar.fromLong(Long.MAX_VALUE).toBytes()};
        int accepted = 0;
        int rejected = 0;
        for (int n = 0; n < CASES; n++) {
            byte[] input = candidate(rnd, valid);
            try {
                Scalar s = Scalar.fromCanonicalBytes(input);
                assertThat(s.toBytes()).isEqualTo(input);
                accepted++;
            } catch (RistrettoDecodingException expected) {
                rejected++;
            }
        }
        assertThat(accepted).isGreaterThan(1000);
        assertThat(rejected).isGreaterThan(1000);
    }

    /** Random bytes of odd lengths, random 32-byte strings, or a valid encoding with a few mutations. */
    static byte[] candidate(Random rnd, byte[][] valid) {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            byte[] b = new byte[rnd.nextInt(70)];
            rnd.nextBytes(b);
            return b;
        }
        if (kind <= 2) {
            byte[] b = new byte[32];
            rnd.nextBytes(b);
            return b;
        }
        byte[] b = valid[rnd.nextInt(valid.length)].clone();
        if (kind == 3) {
            return b;
        }
        int mutations = 1 + rnd.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int pos = rnd.nextInt(32);
            switch (rnd.nextInt(4)) {
                case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[pos] = (byte) rnd.nextInt(256);
                case 2 -> b[31] |= (byte) 0x80;
                default -> b[pos] = (byte) (b[pos] + (rnd.nextBoolean() ? 1 : -1));
            }
        }
        return b;
    }
}
