package io.zrt.crypto.symmetric;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.Hex;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.Vectors;
import io.zrt.crypto.cortado.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.jcajce.provider.digest.SHA3;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SymmetricVectorsTest {

    private static final JsonNode VECTORS = Vectors.load("symmetric.json");

    @Test
    void hkdfCasesMatchTheFileAndBouncyCastle() {
        assertThat(VECTORS.get("hkdf").size()).isEqualTo(5);
        for (JsonNode v : VECTORS.get("hkdf")) {
            String salt = v.get("salt_ascii").asString();
            byte[] ikm = Vectors.hex(v.get("ikm_hex"));
            byte[] info = Vectors.hex(v.get("info_hex"));
            int length = v.get("length").asInt();
            byte[] ours = Hkdf.derive(salt, ikm, info, length);
            assertThat(Hex.encode(ours)).as(salt).isEqualTo(v.get("okm_hex").asString());
            assertThat(ours).isEqualTo(bouncyCastleHkdf(salt.getBytes(StandardCharsets.US_ASCII), ikm, info, length));
        }
    }

    @Test
    void hkdfAgreesWithBouncyCastleOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(5869);
        for (int i = 0; i < 300; i++) {
            byte[] salt = bytes(random, random.nextInt(0, 100));
            byte[] ikm = bytes(random, random.nextInt(0, 200));
            byte[] info = bytes(random, random.nextInt(0, 40));
            int length = random.nextInt(1, 300);
            assertThat(Hkdf.derive(salt, ikm, info, length))
                    .as("case %d", i)
                    .isEqualTo(bouncyCastleHkdf(salt, ikm, info, length));
        }
    }

    @Test
    void stageKeyChainAndFrameKeys() {
        SecretBytes stage = KeySchedule.initialStageKey();
        long expectedEpoch = 0;
        for (JsonNode v : VECTORS.get("stage_keys")) {
            assertThat(v.get("epoch").asLong()).isEqualTo(expectedEpoch++);
            Scalar treeKey = Scalar.fromBytesModOrder(Vectors.hex(v.get("tree_key_hex")));
            assertThat(treeKey.toBytes()).isEqualTo(Vectors.hex(v.get("tree_key_hex")));
            stage = KeySchedule.nextStageKey(stage, treeKey);
            assertThat(Hex.encode(stage.toByteArray())).isEqualTo(v.get("stage_key_hex").asString());
            assertThat(Hex.encode(KeySchedule.frameKey(stage).toByteArray()))
                    .isEqualTo(v.get("frame_key_hex").asString());
        }
        assertThat(expectedEpoch).isEqualTo(4);
    }

    @Test
    void associatedDataDigestsAreLabelledAndDistinct() {
        byte[] tbs = "frame bytes".getBytes(StandardCharsets.US_ASCII);
        assertThat(KeySchedule.frameAssociatedData(tbs)).isNotEqualTo(KeySchedule.payloadAad(tbs));
        assertThat(Hex.encode(KeySchedule.frameAssociatedData(tbs)))
                .isEqualTo(Hex.encode(new SHA3.Digest256()
                        .digest(("zrt/v1/frame-ad" + "frame bytes").getBytes(StandardCharsets.US_ASCII))));
    }

    static byte[] bouncyCastleHkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA3Digest(256));
        generator.init(new HKDFParameters(ikm, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }
}
