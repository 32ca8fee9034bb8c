package io.zrt.crypto.zk.branch;

import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.cortado.Scalar;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small groups and their operations, with seeded secrets, for branch-proof tests. */
final class BranchFixtures {

    private BranchFixtures() {
    }

    static Scalar secret(Random rng) {
        return Scalar.of(new BigInteger(250, rng).setBit(249));
    }

    /** The owner's view of a group with {@code members} members in total (owner included). */
    static MemberView group(int members, long seed) throws ArtException {
        Random rng = new Random(seed);
        List<Scalar> others = new ArrayList<>();
        for (int i = 1; i < members; i++) {
            others.add(secret(rng));
        }
        return MemberView.createGroup(secret(rng), others);
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key update by the owner, with the statement as a verifier builds it from the tree before. */
    static Proved keyUpdate(MemberView owner, byte[] ad, long seed) throws Exception {
        CreatedBranch created = owner.keyUpdate(seeded(seed));
        BranchStatement statement = BranchStatement.of(created.change(), owner.publicTree(), ad);
        BranchProof proof = new BranchProver(seeded(seed + 1)).prove(statement, created.witness());
        return new Proved(created, statement, proof);
    }

    record Proved(CreatedBranch created, BranchStatement statement, BranchProof proof) {
    }

    static byte[] ad(int tag) {
        byte[] ad = new byte[32];
        ad[0] = (byte) tag;
        ad[31] = (byte) 0x5a;
        return ad;
    }
}
