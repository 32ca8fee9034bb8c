package io.zrt.crypto.schnorr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.LittleEndian;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SchnorrTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @RepeatedTest(10)
    void signVerifyRoundTripForOneToFourKeys() throws Exception {
        int n = 1 + RANDOM.nextInt(4);
        List<CortadoKeyPair> keys = keys(n);
        byte[] message = Schnorr.digest("zrt/test/schnorr", new byte[] {(byte) n});
        byte[] signature = Schnorr.sign(message, keys);
        assertThat(signature).hasSize(32 * (n + 1));
        Schnorr.verify(message, publicKeys(keys), signature);
    }

    @Test
    void signatureDoesNotVerifyForAnotherMessageOrKeyOrKeyOrder() {
        List<CortadoKeyPair> keys = keys(2);
        byte[] message = Schnorr.digest("zrt/test/a");
        byte[] signature = Schnorr.sign(message, keys);
        byte[] otherMessage = Schnorr.digest("zrt/test/b");
        assertThatThrownBy(() -> Schnorr.verify(otherMessage, publicKeys(keys), signature))
                .isInstanceOf(VerificationException.class);
        List<CortadoPoint> swapped = List.of(keys.get(1).publicKey(), keys.get(0).publicKey());
        assertThatThrownBy(() -> Schnorr.verify(message, swapped, signature))
                .isInstanceOf(VerificationException.class);
        List<CortadoPoint> foreign = List.of(keys.get(0).publicKey(), keys(1).get(0).publicKey());
        assertThatThrownBy(() -> Schnorr.verify(message, foreign, signature))
                .isInstanceOf(VerificationException.class);
        // A signature over two keys is not a signature over the first key alone.
        assertThatThrownBy(() -> Schnorr.verify(message, keys.get(0).publicKey(), signature))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void nonCanonicalResponseIsRejectedEvenThoughItIsCongruent() {
        CortadoKeyPair key = keys(1).get(0);
        byte[] message = Schnorr.digest("zrt/test/canonical");
        byte[] signature = Schnorr.sign(message, key);
        byte[] shifted = signature.clone();
        // s + r < 2^254 still fits in 32 bytes and is congruent to s: a lax decoder would accept it.
        BigInteger s = LittleEndian.toBigInteger(Arrays.copyOfRange(signature, 32, 64));
        byte[] sPlusR = LittleEndian.toBytes(s.add(Cortado.R), 32);
        System.arraycopy(sPlusR, 0, shifted, 32, 32);
        assertThatThrownBy(() -> Schnorr.verify(message, key.publicKey(), shifted))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void infinityPublicKeyAndZeroCommitmentAreRejected() {
        byte[] message = Schnorr.digest("zrt/test/infinity");
        // With pk = ∞ anyone could "sign"; the verifier must refuse the key itself.
        byte[] forged = new byte[64];
        assertThatThrownBy(() -> Schnorr.verify(message, CortadoPoint.infinity(), forged))
                .isInstanceOf(VerificationException.class);
        // c = 0, s = 0 gives R = ∞ for any key: rejected before the challenge comparison.
        CortadoKeyPair key = keys(1).get(0);
        assertThatThrownBy(() -> Schnorr.verify(message, key.publicKey(), new byte[64]))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("infinity");
    }

    @Test
    void hedgedNoncesDifferForTheSameMessageAndKey() throws Exception {
        CortadoKeyPair key = keys(1).get(0);
        byte[] message = Schnorr.digest("zrt/test/hedge");
        byte[] first = Schnorr.sign(message, key);
        byte[] second = Schnorr.sign(message, key);
        assertThat(first).isNotEqualTo(second);
        Schnorr.verify(message, key.publicKey(), first);
        Schnorr.verify(message, key.publicKey(), second);
    }

    @Test
    void brokenRngStillGivesDistinctNoncesForDistinctMessages() throws Exception {
        CortadoKeyPair key = keys(1).get(0);
        byte[] m1 = Schnorr.digest("zrt/test/m1");
        byte[] m2 = Schnorr.digest("zrt/test/m2");
        byte[] s1 = Schnorr.sign(m1, List.of(key), constantRandom());
        byte[] s2 = Schnorr.sign(m2, List.of(key), constantRandom());
        // Equal nonces would give equal commitments; recompute R = s·G − c·pk for both.
        assertThat(commitment(s1, key.publicKey())).isNotEqualTo(commitment(s2, key.publicKey()));
        Schnorr.verify(m1, key.publicKey(), s1);
        Schnorr.verify(m2, key.publicKey(), s2);
    }

    @Test
    void messageMustBeA32ByteDigest() {
        CortadoKeyPair key = keys(1).get(0);
        assertThatThrownBy(() -> Schnorr.sign(new byte[31], key)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> Schnorr.digest("zrt/test", new byte[5], new byte[7])).doesNotThrowAnyException();
        assertThat(Schnorr.digest("zrt/test")).hasSize(32);
    }

    private static CortadoPoint commitment(byte[] signature, CortadoPoint pk) throws Exception {
        SchnorrSignature decoded = SchnorrSignature.decode(signature, 1);
        return Cortado.linearCombination(decoded.responses().get(0), Cortado.G, decoded.challenge().negate(), pk);
    }

    private static SecureRandom constantRandom() {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 7);
            }
        };
    }

    static List<CortadoKeyPair> keys(int n) {
        List<CortadoKeyPair> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(CortadoKeyPair.generate(RANDOM));
        }
        return keys;
    }

    static List<CortadoPoint> publicKeys(List<CortadoKeyPair> keys) {
        return keys.stream().map(CortadoKeyPair::publicKey).toList();
    }
}
