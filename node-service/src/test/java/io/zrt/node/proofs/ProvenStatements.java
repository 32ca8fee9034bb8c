package io.zrt.node.proofs;

import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.zk.branch.BranchProof;
import io.zrt.crypto.zk.branch.BranchProver;
import io.zrt.crypto.zk.branch.BranchStatement;
import io.zrt.node.support.GroupDriver;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Real branch statements with real proofs, as cheap as they come: the key update of a one-member group
 * (depth 0, the smallest circuit). Each one has its own tree and ad, like proofs of different groups.
 */
final class ProvenStatements {

    private static final SecureRandom RANDOM = new SecureRandom();

    record Proven(BranchStatement statement, BranchProof proof) {
        byte[] bytes() {
            return proof.encode();
        }
    }

    private ProvenStatements() {
    }

    static List<Proven> make(int count) throws Exception {
        List<Proven> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MemberView owner = MemberView.createGroup(GroupDriver.freshLeafSecret());
            CreatedBranch update = owner.keyUpdate(RANDOM);
            byte[] ad = new byte[32];
            RANDOM.nextBytes(ad);
            BranchStatement statement = BranchStatement.of(update.change(), owner.publicTree(), ad);
            out.add(new Proven(statement, new BranchProver().prove(statement, update.witness())));
        }
        return out;
    }

    /** A valid proof for another statement of the same depth: decodes, does not verify. */
    static Proven moved(Proven target, Proven source) {
        return new Proven(target.statement(), source.proof());
    }
}
