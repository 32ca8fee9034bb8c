package io.zrt.protocol.rules;

import static io.zrt.protocol.rules.TestFrames.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class FrameDigestsTest {

    private static byte[] sha3(byte[]... parts) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA3-256");
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    @Test
    void adIsSha3OfLabelAndTbsBytes() throws Exception {
        byte[] tbs = TestFrames.tbs(2).build().toByteArray();
        assertThat(FrameDigests.associatedData(tbs))
                .isEqualTo(sha3("zrt/v1/frame-ad".getBytes(StandardCharsets.US_ASCII), tbs));
    }

    @Test
    void adIsOverTheBytesAsSentAndOnlyTheCanonicalEncodingIsAccepted() throws Exception {
        FrameTBS tbs = TestFrames.tbs(2).build();
        Frame canonical = TestFrames.plain(tbs, filled(64, 1));
        ParsedFrame parsed = FrameParser.parse(canonical.toByteArray());
        assertThat(parsed.associatedData()).isEqualTo(sha3("zrt/v1/frame-ad".getBytes(StandardCharsets.US_ASCII),
                canonical.getTbs().toByteArray()));

        // Same fields, written in reverse field order: a valid protobuf encoding of the same message with other
        // bytes. Receivers rebuild the payload AAD by re-serializing, so such a header would decrypt nowhere:
        // the parser refuses it instead of letting the ad and the AAD disagree about what was sent.
        ByteArrayOutputStream reordered = new ByteArrayOutputStream();
        reordered.write(FrameTBS.newBuilder().setProtectedPayload(tbs.getProtectedPayload()).build().toByteArray());
        reordered.write(FrameTBS.newBuilder().setNonce(tbs.getNonce()).build().toByteArray());
        reordered.write(FrameTBS.newBuilder().setEpoch(tbs.getEpoch()).build().toByteArray());
        reordered.write(FrameTBS.newBuilder().setGroupId(tbs.getGroupId()).build().toByteArray());
        byte[] reorderedBytes = reordered.toByteArray();
        assertThat(FrameTBS.parseFrom(reorderedBytes)).isEqualTo(tbs);
        assertThat(reorderedBytes).isNotEqualTo(tbs.toByteArray());

        Frame frame = Frame.newBuilder().setTbs(ByteString.copyFrom(reorderedBytes))
                .setProof(ByteString.copyFrom(filled(64, 1))).build();
        assertThatThrownBy(() -> FrameParser.parse(frame.toByteArray()))
                .isInstanceOfSatisfying(FrameRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED_FRAME));
    }

    @Test
    void payloadAadIgnoresThePayloadButBindsEverythingElse() throws Exception {
        FrameTBS a = TestFrames.tbs(2).build();
        FrameTBS differentPayload = a.toBuilder().setProtectedPayload(ByteString.copyFrom(filled(50, 3))).build();
        FrameTBS differentNonce = a.toBuilder().setNonce(ByteString.copyFrom(filled(16, 0x55))).build();
        FrameTBS differentEpoch = a.toBuilder().setEpoch(3).build();

        byte[] expected = sha3("zrt/v1/frame-aad".getBytes(StandardCharsets.US_ASCII),
                a.toBuilder().clearProtectedPayload().build().toByteArray());
        assertThat(FrameDigests.payloadAad(a)).isEqualTo(expected);
        assertThat(FrameDigests.payloadAad(differentPayload)).isEqualTo(expected);
        assertThat(FrameDigests.payloadAad(differentNonce)).isNotEqualTo(expected);
        assertThat(FrameDigests.payloadAad(differentEpoch)).isNotEqualTo(expected);
        assertThat(expected).isNotEqualTo(FrameDigests.associatedData(a.toByteArray()));
    }
}
