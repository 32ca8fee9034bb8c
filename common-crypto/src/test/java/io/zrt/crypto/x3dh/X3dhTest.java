package io.zrt.crypto.x3dh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.Hashing;
import io.zrt.crypto.Hex;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.Vectors;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class X3dhTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void leafSecretVectorsFromBothSides() throws Exception {
        JsonNode cases = Vectors.load("symmetric.json").get("x3dh");
        assertThat(cases.size()).isEqualTo(3);
        for (JsonNode v : cases) {
            CortadoKeyPair ikA = keyPair(v.get("inviter_identity_secret_hex"));
            CortadoKeyPair ekA = keyPair(v.get("inviter_ephemeral_secret_hex"));
            CortadoKeyPair ikB = keyPair(v.get("invitee_identity_secret_hex"));
            CortadoKeyPair spkB = keyPair(v.get("invitee_prekey_secret_hex"));
            Scalar inviter = X3dh.inviterLeafSecret(ikA, ekA, ikB.publicKey(), spkB.publicKey());
            Scalar invitee = X3dh.inviteeLeafSecret(ikB, spkB, ikA.publicKey(), ekA.publicKey());
            assertThat(Hex.encode(inviter.toBytes())).isEqualTo(v.get("leaf_secret_hex").asString());
            assertThat(invitee).isEqualTo(inviter);
            assertThat(LeafSecrets.isValidPathSecret(inviter)).isTrue();
        }
    }

    @RepeatedTest(5)
    void bothSidesAgreeWithVerifiedPrekeyAndOutsidersDoNot() throws Exception {
        CortadoKeyPair ikA = CortadoKeyPair.generate(RANDOM);
        CortadoKeyPair ekA = CortadoKeyPair.generate(RANDOM);
        CortadoKeyPair ikB = CortadoKeyPair.generate(RANDOM);
        CortadoKeyPair spkB = CortadoKeyPair.generate(RANDOM);
        SignedPreKey published = SignedPreKey.decode(SignedPreKey.create(ikB, spkB, RANDOM).encode());
        Scalar inviter = X3dh.inviterLeafSecret(ikA, ekA, ikB.publicKey(), published);
        assertThat(X3dh.inviteeLeafSecret(ikB, spkB, ikA.publicKey(), ekA.publicKey())).isEqualTo(inviter);
        CortadoKeyPair mallory = CortadoKeyPair.generate(RANDOM);
        assertThat(X3dh.inviteeLeafSecret(mallory, spkB, ikA.publicKey(), ekA.publicKey())).isNotEqualTo(inviter);
    }

    @Test
    void prekeySignedByAnotherIdentityIsRefused() {
        CortadoKeyPair ikB = CortadoKeyPair.generate(RANDOM);
        CortadoKeyPair attacker = CortadoKeyPair.generate(RANDOM);
        CortadoKeyPair spk = CortadoKeyPair.generate(RANDOM);
        SignedPreKey forged = SignedPreKey.create(attacker, spk, RANDOM);
        assertThatThrownBy(() -> X3dh.inviterLeafSecret(CortadoKeyPair.generate(RANDOM),
                CortadoKeyPair.generate(RANDOM), ikB.publicKey(), forged))
                .isInstanceOf(VerificationException.class);
        byte[] truncated = Arrays.copyOf(forged.encode(), SignedPreKey.ENCODED_LENGTH - 1);
        assertThatThrownBy(() -> SignedPreKey.decode(truncated)).isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    void userIdIsSixteenBytesOfTheKeyDigestInLowercaseHex() {
        CortadoKeyPair ik = CortadoKeyPair.generate(RANDOM);
        String id = UserId.of(ik.publicKey());
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(id).isEqualTo(Hex.encode(Arrays.copyOf(Hashing.sha3_256(ik.publicKey().encode()), 16)));
    }

    @Test
    void leafSecretsAreNonZeroAndBelow2To252AndUseTheTopBits() {
        BigInteger bound = BigInteger.ONE.shiftLeft(252);
        boolean sawBit251 = false;
        for (int i = 0; i < 200; i++) {
            BigInteger v = LeafSecrets.random(RANDOM).toBigInteger();
            assertThat(v.signum()).isPositive();
            assertThat(v).isLessThan(bound);
            sawBit251 |= v.testBit(251);
        }
        assertThat(sawBit251).isTrue();
        assertThat(LeafSecrets.fromUniformBytes(new byte[32])).isEqualTo(Scalar.ONE);
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThat(LeafSecrets.fromUniformBytes(allOnes).toBigInteger()).isEqualTo(bound.subtract(BigInteger.ONE));
        assertThat(LeafSecrets.isValidPathSecret(Scalar.of(bound))).isFalse();
        assertThat(LeafSecrets.isValidPathSecret(Scalar.ZERO)).isFalse();
    }

    private static CortadoKeyPair keyPair(JsonNode hex) throws Exception {
        return CortadoKeyPair.fromSecret(Scalar.fromCanonicalBytes(Vectors.hex(hex)));
    }
}
