package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The join-identity digest (docs/protocol.md §10.4) against a vector computed outside Java, and its binding. */
class JoinIdentityTest {

    /** 1·G of common-crypto's cortado.json vectors. */
    private static final String GENERATOR = "16f49c97f034ba3e83c994098c287bbc4731da0e1fc94150f6d2c463b8654e8b";

    @Test
    void theDigestMatchesAVectorComputedWithPythonsHashlib() throws Exception {
        // python3: hashlib.sha3_256(b"zrt/v1/join-identity" + bytes(range(16)) + (3).to_bytes(8, "little")
        //          + (5).to_bytes(8, "little") + bytes.fromhex(GENERATOR)).hexdigest()
        GroupId group = GroupId.ofBytes(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f"));
        CortadoPoint key = CortadoPoint.decode(HexFormat.of().parseHex(GENERATOR));
        assertThat(HexFormat.of().formatHex(JoinIdentity.digest(group, 3, 5, key)))
                .isEqualTo("418c4dbf7f6f640e3bb47519edfb37d1c332f74d478c22b5e81c040591048e4a");
    }

    @Test
    void aSignatureVerifiesOnlyForItsGroupEpochLeafAndKey() throws Exception {
        SecureRandom random = new SecureRandom();
        CortadoKeyPair identity = CortadoKeyPair.generate(random);
        GroupId group = GroupId.random(random);
        byte[] signature = JoinIdentity.sign(identity, group, 7, 9, random);
        JoinIdentity.verify(signature, identity.publicKey(), group, 7, 9);
        CortadoPoint other = CortadoKeyPair.generate(random).publicKey();
        assertThatThrownBy(() -> JoinIdentity.verify(signature, identity.publicKey(), group, 8, 9))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> JoinIdentity.verify(signature, identity.publicKey(), group, 7, 10))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> JoinIdentity.verify(signature, identity.publicKey(), GroupId.random(random), 7, 9))
                .isInstanceOf(VerificationException.class);
        assertThatThrownBy(() -> JoinIdentity.verify(signature, other, group, 7, 9))
                .isInstanceOf(VerificationException.class);
    }
}
