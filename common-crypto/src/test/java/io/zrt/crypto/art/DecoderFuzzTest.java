package io.zrt.crypto.art;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of both decoders with random and mutated inputs: every input either decodes to a value whose
 * re-encoding is the input (canonical) or is refused with {@link ArtEncodingException}; nothing else escapes.
 */
class DecoderFuzzTest {

    private static final int CASES = 100_000;

    interface Decoder {
        byte[] roundTrip(byte[] input) throws ArtEncodingException;
    }

    @Test
    void publicTreeDecoder() throws Exception {
        SecureRandom secrets = RandomOperationsTest.seededSecureRandom(21);
        List<byte[]> seeds = EncodingTest.sampleTrees(secrets, 4);
        int[] outcome = fuzz(new Random(22), seeds, bytes -> PublicTree.decode(bytes).encode(), 33);
        assertThat(outcome[0] + outcome[1]).isEqualTo(CASES);
        assertThat(outcome[0]).as("accepted inputs").isPositive();
        assertThat(outcome[1]).as("rejected inputs").isPositive();
    }

    @Test
    void branchChangeDecoder() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        CortadoPoint key = Cortado.G;
        for (long target : new long[] {1, 2, 3, 5, 6, 13}) {
            List<CortadoPoint> keys = new ArrayList<>();
            for (int i = 0; i <= HeapIndex.depth(target); i++) {
                keys.add(key);
                key = key.add(Cortado.H);
            }
            for (BranchChangeType type : BranchChangeType.values()) {
                seeds.add(new BranchChange(type, target, keys).encode());
            }
        }
        int[] outcome = fuzz(new Random(23), seeds, bytes -> BranchChange.decode(bytes).encode(), 32);
        assertThat(outcome[0] + outcome[1]).isEqualTo(CASES);
        assertThat(outcome[0]).as("accepted inputs").isPositive();
        assertThat(outcome[1]).as("rejected inputs").isPositive();
    }

    /** Returns {accepted, rejected}; any other exception fails the test with the offending input. */
    private static int[] fuzz(Random random, List<byte[]> seeds, Decoder decoder, int unit) {
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random, seeds, unit) : mutate(random, seeds);
            try {
                byte[] again = decoder.roundTrip(input);
                assertThat(again).as("canonical: accepted input re-encodes identically").isEqualTo(input);
                accepted++;
            } catch (ArtEncodingException expected) {
                rejected++;
            } catch (RuntimeException unexpected) {
                throw new AssertionError("decoder threw " + unexpected + " for " + Arrays.toString(input),
                        unexpected);
            }
        }
        return new int[] {accepted, rejected};
    }

    /** Random bytes with a plausible header half of the time, so the fuzzer gets past the first checks. */
    private static byte[] randomBytes(Random random, List<byte[]> seeds, int unit) {
        byte[] out = new byte[random.nextInt(4 * unit + 16)];
        random.nextBytes(out);
        if (out.length > 0 && random.nextBoolean()) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            System.arraycopy(seed, 0, out, 0, Math.min(Math.min(seed.length, out.length), 12));
        }
        return out;
    }

    private static byte[] mutate(Random random, List<byte[]> seeds) {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        byte[] out = seed.clone();
        int kind = random.nextInt(6);
        switch (kind) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length)); // truncate
            case 3 -> { // append
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(40));
                for (int j = seed.length; j < out.length; j++) {
                    out[j] = (byte) random.nextInt(256);
                }
            }
            case 4 -> { // splice two seeds
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int cut = random.nextInt(Math.min(out.length, other.length));
                System.arraycopy(other, cut, out, cut, Math.min(out.length, other.length) - cut);
            }
            default -> { // the seed itself with a few header bytes changed
                for (int j = 0; j < 1 + random.nextInt(3); j++) {
                    out[random.nextInt(Math.min(out.length, 12))] = (byte) random.nextInt(8);
                }
            }
        }
        return out;
    }
}
