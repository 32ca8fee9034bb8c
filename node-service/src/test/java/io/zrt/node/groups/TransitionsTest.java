package io.zrt.node.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.zrt.crypto.art.LeafStatus;
import io.zrt.crypto.art.PublicTree;
import io.zrt.node.support.GroupDriver;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.ParsedFrame;
import io.zrt.protocol.rules.Rejection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Node's tree transitions on real ART trees, without HTTP or storage: placement, strict decoding of the
 * initial tree (ART canonical encoding) and the additive finalize.
 */
class TransitionsTest {

    private GroupDriver g;
    private Transitions.Transition state;

    private void start() throws Exception {
        g = GroupDriver.create().withoutBranchProofs();
        GroupDriver.Pending init = g.init();
        state = Transitions.init(FrameParser.parse(init.bytes()));
        g.accept(init);
    }

    private ParsedFrame step(GroupDriver.Pending pending) throws Exception {
        ParsedFrame frame = FrameParser.parse(pending.bytes());
        state = Transitions.next(state.snapshot(), state.tree(), frame);
        g.accept(pending);
        assertThat(state.tree()).isEqualTo(g.tree());
        assertThat(state.snapshot().tree()).isEqualTo(g.tree().encode());
        return frame;
    }

    @Test
    void placementFollowsTheRuleOfTheSpecification() throws Exception {
        start();
        // Same targets as the add sequence of vectors/art.json: 3, 5, 7, 9.
        long[] expected = {3, 5, 7, 9};
        for (long target : expected) {
            assertThat(state.tree().placementTarget()).isEqualTo(target);
            ParsedFrame add = step(g.addMember());
            assertThat(add.branchChange().orElseThrow().getTarget()).isEqualTo((int) target);
        }
        assertThat(state.tree().ownerLeafIndex()).isEqualTo(8);
        assertThat(state.tree().weight(1)).isEqualTo(5);
        assertThat(state.snapshot().epoch()).isEqualTo(4);
        // A removed (BLANK) leaf is reused before the tree grows.
        step(g.removeMember(5));
        assertThat(state.tree().placementTarget()).isEqualTo(5);
    }

    @Test
    void theInitialTreeMustBeTheCanonicalArtEncoding() throws Exception {
        start();
        for (int i = 0; i < 3; i++) {
            step(g.addMember());
        }
        byte[] encoded = g.tree().encode();
        assertThat(initRejection(encoded)).isNull();
        assertThat(initRejection(Arrays.copyOf(encoded, encoded.length + 1))).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        assertThat(initRejection(Arrays.copyOf(encoded, encoded.length - 1))).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        byte[] badVersion = encoded.clone();
        badVersion[0] = 2;
        assertThat(initRejection(badVersion)).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        byte[] badKey = encoded.clone();
        Arrays.fill(badKey, 2, 34, (byte) 0xff); // the root's key is not a point
        assertThat(initRejection(badKey)).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        byte[] leafAsInternal = encoded.clone();
        leafAsInternal[encoded.length - 33] = 0; // the last node (a leaf) claims to be internal
        assertThat(initRejection(leafAsInternal)).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        byte[] ownerNotActive = encoded.clone();
        ownerNotActive[1 + 33 * 3] = 3; // entry 3 is the owner's leaf 4 (nodes 1..7 in heap order): now BLANK
        assertThat(initRejection(ownerNotActive)).isEqualTo(Rejection.INVALID_PUBLIC_TREE);
        assertThat(initRejection(new byte[0])).isEqualTo(Rejection.INVALID_FIELD); // the parser: no tree at all
    }

    @Test
    void additiveFinalizeAddsTheContributionKeys() throws Exception {
        start();
        step(g.addMember());
        step(g.addMember()); // leaves 4 (owner), 5, 3
        step(g.leave(3));
        PublicTree before = state.tree();
        ParsedFrame finalize = step(g.finalizeRemoval(3));
        byte[] contributionRoot = finalize.branchChange().orElseThrow().getPathKeys(1).toByteArray();
        assertThat(state.tree().rootKey())
                .isEqualTo(before.rootKey().add(io.zrt.crypto.cortado.CortadoPoint.decode(contributionRoot)));
        assertThat(state.tree().leafStatus(3)).isEqualTo(LeafStatus.BLANK);
        GroupDriver.Pending update = g.branchOperation(io.zrt.protocol.rules.OperationKind.KEY_UPDATE, 3, 3,
                GroupDriver.freshLeafSecret());
        FrameRejectedException refused = org.junit.jupiter.api.Assertions.assertThrows(FrameRejectedException.class,
                () -> Transitions.next(state.snapshot(), state.tree(), FrameParser.parse(update.bytes())));
        assertThat(refused.rejection()).isEqualTo(Rejection.WRONG_LEAF_STATUS);
    }

    private Rejection initRejection(byte[] tree) throws Exception {
        Frame init = Frame.parseFrom(GroupDriver.create().init().bytes());
        FrameTBS tbs = FrameTBS.parseFrom(init.getTbs());
        var op = tbs.getGroupOperation().toBuilder();
        op.getInitBuilder().setPublicTree(ByteString.copyFrom(tree));
        Frame changed = init.toBuilder().setTbs(tbs.toBuilder().setGroupOperation(op).build().toByteString()).build();
        try {
            Transitions.Transition t = Transitions.init(FrameParser.parse(changed.toByteArray()));
            assertThat(t.snapshot().tree()).isEqualTo(tree);
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }
}
