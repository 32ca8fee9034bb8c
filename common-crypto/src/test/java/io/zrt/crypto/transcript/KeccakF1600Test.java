package io.zrt.crypto.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.Hashing;
import java.util.SplittableRandom;
import org.bouncycastle.jcajce.provider.digest.SHA3;
import org.junit.jupiter.api.Test;

/** Checks the permutation by building SHA3-256 and SHAKE-free sponges on it and comparing with the JDK. */
class KeccakF1600Test {

    /** SHA3-256 as a sponge over our permutation: rate 136 bytes, domain padding 0x06 … 0x80. */
    static byte[] sha3_256(byte[] message) {
        int rate = 136;
        byte[] state = new byte[KeccakF1600.STATE_BYTES];
        int offset = 0;
        while (message.length - offset >= rate) {
            for (int i = 0; i < rate; i++) {
                state[i] ^= message[offset + i];
            }
            KeccakF1600.permute(state);
            offset += rate;
        }
        int remaining = message.length - offset;
        for (int i = 0; i < remaining; i++) {
            state[i] ^= message[offset + i];
        }
        state[remaining] ^= 0x06;
        state[rate - 1] ^= (byte) 0x80;
        KeccakF1600.permute(state);
        byte[] out = new byte[32];
        System.arraycopy(state, 0, out, 0, 32);
        return out;
    }

    @Test
    void spongeMatchesJdkSha3ForManyLengths() {
        SplittableRandom random = new SplittableRandom(20240601L);
        for (int length = 0; length < 600; length++) {
            byte[] message = new byte[length];
            for (int i = 0; i < length; i++) {
                message[i] = (byte) random.nextInt(256);
            }
            assertThat(sha3_256(message)).as("length %d", length).isEqualTo(Hashing.sha3_256(message));
        }
    }

    @Test
    void spongeMatchesBouncyCastleSha3() {
        byte[] message = "Keccak-f[1600] against an independent implementation".getBytes();
        assertThat(sha3_256(message)).isEqualTo(new SHA3.Digest256().digest(message));
    }

    @Test
    void permutationOfZeroStateIsNotIdentityAndDiffers() {
        byte[] state = new byte[200];
        KeccakF1600.permute(state);
        byte[] once = state.clone();
        KeccakF1600.permute(state);
        assertThat(once).isNotEqualTo(new byte[200]);
        assertThat(state).isNotEqualTo(once);
    }
}
