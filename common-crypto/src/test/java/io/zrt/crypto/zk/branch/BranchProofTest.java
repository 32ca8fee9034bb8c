package io.zrt.crypto.zk.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.BranchChangeType;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.transcript.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Completeness and the statement binding of branch proofs. Proofs are expensive, so a few are made once and
 * shared: a depth-1 key update (two members), a depth-2 one (three members) and a depth-4 one (nine).
 */
class BranchProofTest {

    private static final byte[] AD = BranchFixtures.ad(1);
    private static MemberView twoMembers;
    private static BranchFixtures.Proved depthOne;
    private static BranchFixtures.Proved depthTwo;
    private static BranchFixtures.Proved depthFour;

    @BeforeAll
    static void proveOnce() throws Exception {
        twoMembers = BranchFixtures.group(2, 21);
        depthOne = BranchFixtures.keyUpdate(twoMembers, AD, 22);
        depthTwo = BranchFixtures.keyUpdate(BranchFixtures.group(3, 23), AD, 24);
        depthFour = BranchFixtures.keyUpdate(BranchFixtures.group(9, 25), AD, 26);
    }

    @Test
    void honestProofsVerifyAndHaveTheDocumentedSize() throws Exception {
        assertThat(depthOne.statement().depth()).isEqualTo(1);
        assertThat(depthTwo.statement().depth()).isEqualTo(2);
        BranchVerifier.verify(depthOne.statement(), depthOne.proof().encode());
        BranchVerifier.verify(depthTwo.statement(), depthTwo.proof());
        assertThat(depthOne.proof().encode()).hasSize(BranchProof.encodedLength(1));
        // 1,926 gates pad to 2^11: 1 + 32·(13 + 2·11) bytes.
        assertThat(BranchProof.encodedLength(1)).isEqualTo(1 + 32 * (13 + 22));
    }

    @Test
    void gateCountPerLevelIsTheDocumentedOne() {
        for (int depth : new int[] {0, 1, 3}) {
            BranchStatement statement = syntheticStatement(depth);
            // The gate layout does not depend on the witness: the verifier side counts it without one.
            var verifier = new io.zrt.crypto.zk.R1csVerifier(Transcript.create("count"));
            BranchCircuit.build(verifier, statement, Optional.empty());
            assertThat(verifier.multiplierCount()).isEqualTo(BranchCircuit.gateCount(depth))
                    .isEqualTo(depth * 1_088 + 838);
        }
    }

    @Test
    void aProofIsBoundToItsFrame() {
        BranchStatement original = depthOne.statement();
        BranchStatement otherFrame = new BranchStatement(false, BranchFixtures.ad(2), original.pathKeys(),
                original.coPathKeys());
        assertThatThrownBy(() -> BranchVerifier.verify(otherFrame, depthOne.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aProofIsBoundToTheVariant() {
        BranchStatement original = depthOne.statement();
        BranchStatement additive = new BranchStatement(true, AD, original.pathKeys(), original.coPathKeys());
        assertThatThrownBy(() -> BranchVerifier.verify(additive, depthOne.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aCoPathTheVerifierDoesNotHoldIsRejected() {
        BranchStatement original = depthTwo.statement();
        List<CortadoPoint> coPath = new ArrayList<>(original.coPathKeys());
        coPath.set(1, coPath.get(1).add(Cortado.G));
        BranchStatement wrongCoPath = new BranchStatement(false, AD, original.pathKeys(), coPath);
        assertThatThrownBy(() -> BranchVerifier.verify(wrongCoPath, depthTwo.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void otherPublishedKeysAreRejected() {
        BranchStatement original = depthTwo.statement();
        for (int level = 0; level <= 2; level++) {
            List<CortadoPoint> keys = new ArrayList<>(original.pathKeys());
            keys.set(level, keys.get(level).add(Cortado.G));
            BranchStatement forged = new BranchStatement(false, AD, keys, original.coPathKeys());
            assertThatThrownBy(() -> BranchVerifier.verify(forged, depthTwo.proof()))
                    .isInstanceOf(VerificationException.class);
        }
    }

    @Test
    void aProofForDepthDIsRejectedAtDepthDMinusOne() throws Exception {
        BranchStatement original = depthFour.statement();
        assertThat(original.depth()).isEqualTo(4);
        BranchVerifier.verify(original, depthFour.proof());
        // The same keys minus the root level: a depth-3 statement (same padded size, 2^13 gates).
        BranchStatement shallower = new BranchStatement(false, AD, original.pathKeys().subList(0, 4),
                original.coPathKeys().subList(0, 3));
        assertThat(BranchProof.encodedLength(3)).isEqualTo(BranchProof.encodedLength(4));
        assertThatThrownBy(() -> BranchVerifier.verify(shallower, depthFour.proof().encode()))
                .isInstanceOf(VerificationException.class);
        // And a depth-1 proof at depth 0: another size, refused before any arithmetic.
        BranchStatement root = new BranchStatement(false, AD, depthOne.statement().pathKeys().subList(0, 1),
                List.of());
        assertThatThrownBy(() -> BranchVerifier.verify(root, depthOne.proof().encode()))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> BranchVerifier.verify(root, depthOne.proof()))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void batchAcceptsGoodProofsAndNamesABadOne() throws Exception {
        BranchBatchVerifier good = new BranchBatchVerifier();
        good.add(depthOne.statement(), depthOne.proof().encode());
        good.add(depthTwo.statement(), depthTwo.proof().encode());
        good.add(depthOne.statement(), depthOne.proof());
        assertThat(good.size()).isEqualTo(3);
        good.verify();

        BranchBatchVerifier bad = new BranchBatchVerifier();
        bad.add(depthOne.statement(), depthOne.proof());
        bad.add(new BranchStatement(false, BranchFixtures.ad(9), depthTwo.statement().pathKeys(),
                depthTwo.statement().coPathKeys()), depthTwo.proof());
        assertThatThrownBy(bad::verify).isInstanceOf(VerificationException.class).hasMessageContaining("proof 1");

        BranchBatchVerifier malformed = new BranchBatchVerifier();
        assertThatThrownBy(() -> malformed.add(depthOne.statement(), new byte[] {1, 2, 3}))
                .isInstanceOf(VerificationException.class);
    }

    @Test
    void aWitnessForAnotherStatementIsACallerError() {
        CreatedBranch created = depthOne.created();
        BranchStatement otherCoPath = new BranchStatement(false, AD, depthOne.statement().pathKeys(),
                List.of(Cortado.G));
        assertThatThrownBy(() -> new BranchProver().prove(otherCoPath, created.witness()))
                .isInstanceOf(IllegalArgumentException.class);
        BranchStatement otherKeys = new BranchStatement(false, AD, depthTwo.statement().pathKeys().subList(0, 2),
                depthOne.statement().coPathKeys());
        assertThatThrownBy(() -> new BranchProver().prove(otherKeys, created.witness()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(created.witness().type()).isEqualTo(BranchChangeType.KEY_UPDATE);
    }

    @Test
    void statementsComeFromTheVerifiersTree() throws Exception {
        PublicTree before = twoMembers.publicTree();
        BranchStatement statement = BranchStatement.of(depthOne.created().change(), before, AD);
        assertThat(statement.coPathKeys()).isEqualTo(before.coPathKeys(depthOne.created().change().target()));
        assertThat(statement.pathKeys()).isEqualTo(depthOne.created().change().pathKeys());
        byte[] ad = statement.ad();
        ad[0] ^= 1;
        assertThat(statement.ad()).isEqualTo(AD);
        assertThatThrownBy(() -> new BranchStatement(false, AD, List.of(Cortado.G), List.of(Cortado.G)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingIsStrict() {
        byte[] good = depthOne.proof().encode();
        byte[] version = good.clone();
        version[0] = 2;
        assertThatThrownBy(() -> BranchProof.decode(version)).isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> BranchProof.decode(new byte[0])).isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> BranchProof.decode(null)).isInstanceOf(InvalidEncodingException.class);
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 32);
        assertThatThrownBy(() -> BranchProof.decode(longer, 1)).isInstanceOf(InvalidEncodingException.class);
        byte[] shorter = java.util.Arrays.copyOf(good, good.length - 1);
        assertThatThrownBy(() -> BranchProof.decode(shorter)).isInstanceOf(InvalidEncodingException.class);
    }

    /** A well-formed statement of the given depth (keys need not be related: only the shape matters). */
    static BranchStatement syntheticStatement(int depth) {
        List<CortadoPoint> keys = new ArrayList<>();
        List<CortadoPoint> coPath = new ArrayList<>();
        CortadoPoint p = Cortado.G;
        for (int i = 0; i <= depth; i++) {
            p = p.add(Cortado.G);
            keys.add(p);
            if (i < depth) {
                coPath.add(p.add(Cortado.H));
            }
        }
        return new BranchStatement(false, AD, keys, coPath);
    }
}
