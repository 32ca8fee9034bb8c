package io.zrt.node.frames;

import com.google.protobuf.InvalidProtocolBufferException;
import io.zrt.node.challenges.ChallengeService;
import io.zrt.node.challenges.ReadProof;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.storage.FrameLog;
import io.zrt.node.storage.StoredFrame;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import io.zrt.protocol.rules.Rejection;
import java.util.List;

/** Paged reads of the frame log, authorised by a read proof at some epoch e (grants frames of epochs ≥ e). */
public final class FrameReader {

    public static final int MAX_LIMIT = 1000;

    private final FrameLog log;
    private final GroupStates groups;
    private final ChallengeService challenges;

    public FrameReader(FrameLog log, GroupStates groups, ChallengeService challenges) {
        this.log = log;
        this.groups = groups;
        this.challenges = challenges;
    }

    public SPFrames page(GroupId group, long fromSeq, int limit, ReadProof proof) throws FrameRejectedException {
        if (fromSeq < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "fromSeq must be >= 0 and limit in 1.." + MAX_LIMIT);
        }
        if (groups.load(group).isEmpty()) {
            throw new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group");
        }
        challenges.authorize(group, proof,
                c -> ReadAuthorization.framesDigest(group, c, proof.epoch(), fromSeq, limit), false);
        // One extra row tells whether another page follows.
        List<StoredFrame> rows = log.page(group.text(), fromSeq, proof.epoch(), limit + 1);
        boolean hasMore = rows.size() > limit;
        List<StoredFrame> page = hasMore ? rows.subList(0, limit) : rows;
        SPFrames.Builder out = SPFrames.newBuilder().setHasMore(hasMore);
        for (StoredFrame row : page) {
            out.addFrames(decode(row));
        }
        out.setNextSeq(page.isEmpty() ? fromSeq : page.get(page.size() - 1).seq() + 1);
        return out.build();
    }

    private static SPFrame decode(StoredFrame row) {
        try {
            return SPFrame.parseFrom(row.spFrame());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored SPFrame does not decode", e);
        }
    }
}
