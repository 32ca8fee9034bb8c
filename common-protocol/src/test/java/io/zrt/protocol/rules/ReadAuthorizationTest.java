package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReadAuthorizationTest {

    private static final byte[] CHALLENGE = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void framesDigestIsLabelGroupChallengeEpochAndParameters() throws Exception {
        GroupId group = GroupId.parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        MessageDigest d = MessageDigest.getInstance("SHA3-256");
        d.update("zrt/v1/read-frames".getBytes(StandardCharsets.US_ASCII));
        d.update(group.toBytes());
        d.update(CHALLENGE);
        d.update(HexFormat.of().parseHex("0500000000000000")); // epoch 5, LE64
        d.update(HexFormat.of().parseHex("0a00000000000000")); // fromSeq 10, LE64
        d.update(HexFormat.of().parseHex("64000000"));         // limit 100, LE32
        assertThat(ReadAuthorization.framesDigest(group, CHALLENGE, 5, 10, 100)).isEqualTo(d.digest());
    }

    @Test
    void everyInputChangesTheDigest() throws Exception {
        GroupId group = GroupId.parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        GroupId other = GroupId.parse("0f8fad5b-d9cb-469f-a165-70867728950f");
        byte[] base = ReadAuthorization.framesDigest(group, CHALLENGE, 5, 10, 100);
        byte[] otherChallenge = CHALLENGE.clone();
        otherChallenge[15] ^= 1;
        assertThat(ReadAuthorization.framesDigest(other, CHALLENGE, 5, 10, 100)).isNotEqualTo(base);
        assertThat(ReadAuthorization.framesDigest(group, otherChallenge, 5, 10, 100)).isNotEqualTo(base);
        assertThat(ReadAuthorization.framesDigest(group, CHALLENGE, 6, 10, 100)).isNotEqualTo(base);
        assertThat(ReadAuthorization.framesDigest(group, CHALLENGE, 5, 11, 100)).isNotEqualTo(base);
        assertThat(ReadAuthorization.framesDigest(group, CHALLENGE, 5, 10, 101)).isNotEqualTo(base);
        // Purposes are separated by their labels even when their parameters coincide.
        assertThat(ReadAuthorization.pushTokenDigest(group, CHALLENGE, 5))
                .isNotEqualTo(ReadAuthorization.statusDigest(group, CHALLENGE, 5));
        assertThat(ReadAuthorization.treeDigest(group, CHALLENGE, 5, 1))
                .isNotEqualTo(ReadAuthorization.treeDigest(group, CHALLENGE, 5, 4));
        for (ReadAuthorization.Purpose p : ReadAuthorization.Purpose.values()) {
            assertThat(p.label()).startsWith("zrt/v1/");
        }
    }

    @Test
    void challengeMustBeSixteenBytes() throws Exception {
        GroupId group = GroupId.parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThatThrownBy(() -> ReadAuthorization.statusDigest(group, new byte[15], 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
