package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PushMessageIdTest {

    @Test
    void digestIsTheFirst16BytesOfSha256InUnpaddedBase64url() {
        // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 | b00361a3 96177a9c b410ff61 f20015ad
        assertThat(PushMessageId.digest("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ungWv48Bz-pBQUDeXa4iIw");
        assertThat(PushMessageId.isDigest("ungWv48Bz-pBQUDeXa4iIw")).isTrue();
    }

    @Test
    void idNamesGroupSeqAndDigestAndDiffersForDifferentFramesAtTheSameSeq() {
        String group = "0f8fad5b-d9cb-469f-a165-70867728950e";
        String first = PushMessageId.of(group, 292, new byte[] {1, 2, 3});
        assertThat(first).isEqualTo(group + ":292:" + PushMessageId.digest(new byte[] {1, 2, 3}));
        assertThat(PushMessageId.of(group, 292, new byte[] {1, 2, 3})).isEqualTo(first);
        assertThat(PushMessageId.of(group, 292, new byte[] {1, 2, 4})).isNotEqualTo(first);
    }

    @Test
    void isDigestRefusesOtherText() {
        assertThat(PushMessageId.isDigest(null)).isFalse();
        assertThat(PushMessageId.isDigest("ungWv48Bz-pBQUDeXa4iI")).isFalse();
        assertThat(PushMessageId.isDigest("ungWv48Bz+pBQUDeXa4iIw")).isFalse();
        assertThat(PushMessageId.isDigest("ungWv48Bz-pBQUDeXa4iI=")).isFalse();
    }
}
