package io.zrt.client.engine;

import io.zrt.client.ZrtException;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.rules.FrameDigests;

/** Test-only access to internals from the public-API tests. */
public final class TestAccess {

    private TestAccess() {
    }

    /** Whether any frame from {@code fromSeq} on (fetched with the reader's keys) opens under {@code stageKey}. */
    public static boolean anyFrameOpensUnder(io.zrt.client.internal.SessionRunner reader, long fromSeq,
            io.zrt.crypto.SecretBytes stageKey) throws ZrtException {
        SessionState r = reader.state();
        var page = reader.node().frames(r.groupId(), fromSeq, 100, r.epoch(), r.view().treeKey());
        for (SPFrame frame : page.getFramesList()) {
            try {
                FrameTBS tbs = FrameTBS.parseFrom(io.zrt.protocol.Frame.parseFrom(frame.getFrame().toByteArray()).getTbs());
                Payloads.open(tbs.getProtectedPayload().toByteArray(), stageKey, FrameDigests.payloadAad(tbs));
                return true;
            } catch (io.zrt.client.DecryptionFailedException expected) {
                // not under this key
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    /**
     * Fetches every frame since {@code old}'s position (with the reader's current keys) and tries to open each
     * payload with the old member's stage key and with the stage key it would derive by itself (its own tree key
     * on top). True if any of them decrypts.
     */
    public static boolean canDecryptAnyFrameAfter(io.zrt.client.internal.SessionRunner reader, SessionState old)
            throws ZrtException {
        SessionState r = reader.state();
        var page = reader.node().frames(r.groupId(), old.nextSeq(), 100, old.epoch(), old.view().treeKey());
        int tried = 0;
        for (SPFrame frame : page.getFramesList()) {
            try {
                FrameTBS tbs = FrameTBS.parseFrom(io.zrt.protocol.Frame.parseFrom(frame.getFrame().toByteArray()).getTbs());
                byte[] aad = FrameDigests.payloadAad(tbs);
                var candidates = java.util.List.of(old.stageKey(),
                        io.zrt.crypto.symmetric.KeySchedule.nextStageKey(old.stageKey(), old.view().treeKey()));
                for (var key : candidates) {
                    tried++;
                    try {
                        Payloads.open(tbs.getProtectedPayload().toByteArray(), key, aad);
                        if (tbs.getEpoch() > old.epoch()) {
                            return true;
                        }
                    } catch (io.zrt.client.DecryptionFailedException expected) {
                        // the removed member's keys do not open frames of later epochs
                    }
                }
            } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        if (tried == 0) {
            throw new IllegalStateException("no frames after the removal to probe");
        }
        return false;
    }
}
