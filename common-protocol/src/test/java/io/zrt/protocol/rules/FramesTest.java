package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames built with {@link Frames} pass the very checks the Node makes, with real Schnorr and ART. */
class FramesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final GroupId GROUP = GroupId.random(RANDOM);
    private static final byte[] PAYLOAD = new byte[40];

    private static ParsedFrame parse(Frame frame) throws FrameRejectedException {
        return FrameParser.parse(frame.toByteArray());
    }

    private static FrameTBS tbs(long epoch, io.zrt.protocol.GroupOperation op) {
        FrameTBS header = Frames.header(GROUP, epoch, Frames.newNonce(RANDOM), op);
        assertThat(header.getProtectedPayload().isEmpty()).isTrue();
        return Frames.withPayload(header, PAYLOAD);
    }

    @Test
    void initPlainAndOperationsVerifyAndApply() throws Exception {
        CortadoKeyPair identity = CortadoKeyPair.generate(RANDOM);
        MemberView owner = MemberView.createGroup(Scalar.of(31), List.of(Scalar.of(32)));
        ParsedFrame init = parse(Frames.signInit(tbs(0, Frames.init(identity.publicKey(), owner.publicTree())),
                identity));
        Eligibility.checkInit(init, SchnorrVerifier.INSTANCE);
        PublicTree tree = PublicTree.decode(init.init().orElseThrow().getPublicTree().toByteArray());
        assertThat(tree).isEqualTo(owner.publicTree());

        ParsedFrame plain = parse(Frames.signPlain(tbs(0, null), CortadoKeyPair.fromSecret(owner.treeKey())));
        Eligibility.check(plain, tree, SchnorrVerifier.INSTANCE);

        CreatedBranch add = owner.addMember(Scalar.of(33));
        ParsedFrame addFrame = parse(Frames.proveOperation(tbs(1, ArtBranches.operation(add.change())), owner,
                new byte[0]));
        Eligibility.check(addFrame, tree, SchnorrVerifier.INSTANCE);
        assertThat(addFrame.artProof().orElseThrow().getProverNode()).isEqualTo((int) tree.ownerLeafIndex());
        assertThat(tree.apply(ArtBranches.of(addFrame))).isEqualTo(add.view().publicTree());

        // A member (leaf 3) may update its own leaf and finalize, but holds no owner key.
        MemberView member = MemberView.join(tree, Scalar.of(32));
        CreatedBranch update = member.keyUpdate(RANDOM);
        ParsedFrame updateFrame = parse(Frames.proveOperation(tbs(1, ArtBranches.operation(update.change())), member,
                new byte[0]));
        Eligibility.check(updateFrame, tree, SchnorrVerifier.INSTANCE);
        ParsedFrame drop = parse(Frames.proveOperation(tbs(1, Frames.drop()), owner, new byte[0]));
        Eligibility.check(drop, tree, SchnorrVerifier.INSTANCE);
        assertThat(rejection(() -> Frames.proveOperation(tbs(1, Frames.drop()), member, new byte[0])))
                .isEqualTo(Rejection.NOT_ELIGIBLE);
    }

    @Test
    void aFrameProvenWithAKeyThatIsNotEligibleIsRefusedByTheChecks() throws Exception {
        MemberView owner = MemberView.createGroup(Scalar.of(41), List.of(Scalar.of(42)));
        PublicTree tree = owner.publicTree();
        MemberView member = MemberView.join(tree, Scalar.of(42));
        CreatedBranch remove = owner.removeMember(member.leafIndex(), RANDOM);
        // The member signs the owner's remove with its own leaf: a valid proof by the wrong node.
        Frame byMember = Frames.proveOperation(tbs(1, ArtBranches.operation(remove.change())), member.leafIndex(),
                CortadoKeyPair.fromSecret(member.leafSecret()), new byte[0]);
        assertThat(rejection(() -> Eligibility.check(parse(byMember), tree, SchnorrVerifier.INSTANCE)))
                .isEqualTo(Rejection.NOT_ELIGIBLE);
        // The same node named, but signed with another key: the proof itself fails.
        Frame forged = Frames.proveOperation(tbs(1, ArtBranches.operation(remove.change())), tree.ownerLeafIndex(),
                CortadoKeyPair.fromSecret(member.leafSecret()), new byte[0]);
        assertThat(rejection(() -> Eligibility.check(parse(forged), tree, SchnorrVerifier.INSTANCE)))
                .isEqualTo(Rejection.INVALID_PROOF);
        assertThatCode(() -> Eligibility.check(parse(Frames.proveOperation(
                tbs(1, ArtBranches.operation(remove.change())), owner, new byte[0])), tree, SchnorrVerifier.INSTANCE))
                .doesNotThrowAnyException();
    }

    private interface Action {
        void run() throws Exception;
    }

    private static Rejection rejection(Action action) throws Exception {
        try {
            action.run();
            return null;
        } catch (FrameRejectedException e) {
            return e.rejection();
        }
    }
}
