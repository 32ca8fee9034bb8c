package io.zrt.crypto.symmetric;

import static io.zrt.crypto.FuzzSupport.decodeOrReject;
import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.DecryptionException;
import io.zrt.crypto.FuzzSupport;
import io.zrt.crypto.SecretBytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AeadFuzzTest {

    private static final int CASES = 100_000;

    @Test
    void decryptRejectsEverythingButUnalteredCiphertextsWithTypedException() {
        long seed = FuzzSupport.seed(0xAE5L);
        SplittableRandom random = new SplittableRandom(seed);
        Aead aead = AesGcmAead.create(SecretBytes.copyOf(FuzzSupport.randomBytes(random, 32)));
        byte[] aad = FuzzSupport.randomBytes(random, 32);
        List<byte[]> valid = new ArrayList<>();
        for (int length : new int[] {0, 1, 15, 16, 17, 100}) {
            valid.add(aead.encrypt(FuzzSupport.randomBytes(random, length), aad));
        }
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] base = valid.get(random.nextInt(valid.size()));
            byte[] input = (i & 1) == 1 ? FuzzSupport.mutate(random, base)
                    : FuzzSupport.randomInput(random, base.length);
            byte[] plaintext = decodeOrReject(c -> aead.decrypt(c, aad), input, DecryptionException.class, seed, i);
            if (plaintext != null) {
                accepted++;
                assertThat(valid).as("seed %d case %d", seed, i).anyMatch(v -> Arrays.equals(v, input));
            }
        }
        // Only mutations that happen to change nothing (e.g. overwriting a byte with itself) may decrypt.
        assertThat(accepted).isLessThan(CASES / 100);
    }
}
