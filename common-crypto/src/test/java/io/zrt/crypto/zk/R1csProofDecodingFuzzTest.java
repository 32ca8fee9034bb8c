package io.zrt.crypto.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of proof decoding: random byte strings and mutations of valid proofs must either decode
 * (then re-encode to the same bytes) or fail with {@link InvalidEncodingException}; nothing else may escape.
 */
class R1csProofDecodingFuzzTest {

    private static final int CASES = 100_000;

    @Test
    void randomBytesAndMutationsYieldOnlyTypedErrors() throws CryptoException {
        byte[][] valid = {
            R1csProofTest.prove(1, 1, 1).proof().encode(),
            R1csProofTest.prove(2, 2, 3).proof().encode(),
            R1csProofTest.prove(3, 0, 16).proof().encode(),
        };
        Random rng = new Random(0x5eedL);
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = switch (i % 4) {
                case 0 -> randomBytes(rng, rng.nextInt(1200));
                case 1 -> randomBytes(rng, 32 * (13 + 2 * rng.nextInt(6)));
                case 2 -> mutate(rng, valid[rng.nextInt(valid.length)]);
                default -> resize(rng, valid[rng.nextInt(valid.length)]);
            };
            try {
                R1csProof proof = R1csProof.decode(input);
                assertThat(proof.encode()).isEqualTo(input);
                decoded++;
            } catch (InvalidEncodingException expected) {
                rejected++;
            } catch (RuntimeException unexpected) {
                fail("case " + i + " escaped with " + unexpected);
            }
        }
        assertThat(decoded + rejected).isEqualTo(CASES);
        assertThat(rejected).isGreaterThan(CASES / 2);
        assertThat(decoded).isPositive();
    }

    @Test
    void verifyingArbitraryBytesOnlyThrowsVerificationException() throws CryptoException {
        R1csProofTest.Proved p = R1csProofTest.prove(4, 1, 2);
        byte[] good = p.proof().encode();
        Random rng = new Random(77);
        for (int i = 0; i < 300; i++) {
            byte[] input = i % 2 == 0 ? mutate(rng, good) : resize(rng, good);
            if (Arrays.equals(input, good)) {
                continue; // a mutation that happened to restore the original is not a forgery
            }
            try {
                R1csProofTest.statement(p).verify(input);
                fail("mutated proof " + i + " verified");
            } catch (VerificationException expected) {
                // rejected, as it must be
            }
        }
        try {
            R1csProofTest.statement(p).verify((byte[]) null);
            fail("null verified");
        } catch (VerificationException expected) {
            // rejected
        }
    }

    private static byte[] randomBytes(Random rng, int length) {
        byte[] b = new byte[length];
        rng.nextBytes(b);
        return b;
    }

    private static byte[] mutate(Random rng, byte[] good) {
        byte[] b = good.clone();
        int flips = 1 + rng.nextInt(3);
        for (int f = 0; f < flips; f++) {
            int at = rng.nextInt(b.length);
            switch (rng.nextInt(3)) {
                case 0 -> b[at] ^= (byte) (1 << rng.nextInt(8));
                case 1 -> b[at] = (byte) rng.nextInt(256);
                default -> b[(at / 32) * 32 + 31] |= (byte) 0x80; // push an element out of range
            }
        }
        return b;
    }

    private static byte[] resize(Random rng, byte[] good) {
        int delta = rng.nextInt(129) - 64;
        if (rng.nextInt(4) == 0) {
            delta = 64 * (rng.nextInt(5) - 2);
        }
        return Arrays.copyOf(good, Math.max(0, good.length + delta));
    }
}
