package io.zrt.crypto.schnorr;

import static io.zrt.crypto.FuzzSupport.decodeOrReject;
import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.FuzzSupport;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.x3dh.SignedPreKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SchnorrFuzzTest {

    private static final int CASES = 100_000;
    /** Mutated signatures mostly pass the cheap checks and cost two scalar multiplications each. */
    private static final int VERIFY_MUTATIONS = 2_000;

    @Test
    void signatureDecodingAcceptsOnlyCanonicalEncodings() {
        long seed = FuzzSupport.seed(0x5161L);
        SplittableRandom random = new SplittableRandom(seed);
        byte[] valid = Schnorr.sign(Schnorr.digest("zrt/test/fuzz"), SchnorrTest.keys(2));
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = (i & 1) == 1 ? FuzzSupport.mutate(random, valid)
                    : FuzzSupport.randomInput(random, valid.length);
            SchnorrSignature s = decodeOrReject(b -> SchnorrSignature.decode(b, 2), input,
                    InvalidEncodingException.class, seed, i);
            if (s != null) {
                accepted++;
                assertThat(s.encode()).isEqualTo(input);
            }
        }
        assertThat(accepted).isGreaterThan(CASES / 100);
    }

    @Test
    void verifyRejectsRandomAndMutatedSignaturesWithTypedExceptionOnly() {
        long seed = FuzzSupport.seed(0x5EED5L);
        SplittableRandom random = new SplittableRandom(seed);
        List<CortadoKeyPair> keys = SchnorrTest.keys(2);
        List<CortadoPoint> publicKeys = SchnorrTest.publicKeys(keys);
        byte[] message = Schnorr.digest("zrt/test/fuzz-verify");
        byte[] valid = Schnorr.sign(message, keys);
        int verified = 0;
        for (int i = 0; i < CASES; i++) {
            boolean mutation = i < VERIFY_MUTATIONS;
            byte[] input = mutation ? FuzzSupport.mutate(random, valid)
                    : FuzzSupport.randomInput(random, valid.length);
            Object ok = decodeOrReject(b -> {
                Schnorr.verify(message, publicKeys, b);
                return Boolean.TRUE;
            }, input, VerificationException.class, seed, i);
            if (ok != null) {
                verified++;
                assertThat(input).as("seed %d case %d: a different signature verified", seed, i).isEqualTo(valid);
            }
        }
        assertThat(verified).isLessThan(VERIFY_MUTATIONS / 10);
    }

    @Test
    void signedPreKeyDecodingThrowsOnlyTypedExceptions() {
        long seed = FuzzSupport.seed(0x5BCL);
        SplittableRandom random = new SplittableRandom(seed);
        SecureRandom secure = new SecureRandom();
        byte[] valid = SignedPreKey.create(CortadoKeyPair.generate(secure), CortadoKeyPair.generate(secure), secure)
                .encode();
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = (i & 1) == 1 ? FuzzSupport.mutate(random, valid)
                    : FuzzSupport.randomInput(random, valid.length);
            SignedPreKey k = decodeOrReject(SignedPreKey::decode, input, InvalidEncodingException.class, seed, i);
            if (k != null) {
                accepted++;
                assertThat(Arrays.equals(k.encode(), input)).isTrue();
            }
        }
        assertThat(accepted).isPositive();
    }
}
