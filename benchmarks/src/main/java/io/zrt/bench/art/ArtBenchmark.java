package io.zrt.bench.art;

import io.zrt.crypto.art.BranchChange;
import io.zrt.crypto.art.BranchChangeType;
import io.zrt.crypto.art.CreatedBranch;
import io.zrt.crypto.art.MemberView;
import io.zrt.crypto.art.PublicTree;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ratchet-tree key updates at 1,000 / 10,000 / 100,000 members. Baseline: one variable-base Cortado
 * multiplication (the unit of every ratchet step). The tree is built through the public encoding from public
 * keys only; two members (alice, bob) get consistent paths by publishing their own key updates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArtBenchmark {

    @Param({"1000", "10000", "100000"})
    public int members;

    private final SecureRandom random = new SecureRandom();
    private PublicTree tree;
    private MemberView alice;
    private MemberView bob;
    private BranchChange aliceUpdate;
    private byte[] encodedTree;
    private Scalar scalar;
    private CortadoPoint point;

    @Setup
    public void setUp() throws Exception {
        long start = System.nanoTime();
        PublicTree synthetic = PublicTree.decode(balancedTreeEncoding(members));
        long decodeMillis = (System.nanoTime() - start) / 1_000_000;
        List<Long> leaves = synthetic.leafIndices();
        long aliceLeaf = leaves.get(members / 3);
        long bobLeaf = leaves.get(members - 2);
        Scalar aliceSecret = freshSecret();
        Scalar bobSecret = freshSecret();
        synthetic = synthetic.apply(ownUpdate(synthetic, aliceLeaf, aliceSecret));
        tree = synthetic.apply(ownUpdate(synthetic, bobLeaf, bobSecret));
        alice = MemberView.join(tree, aliceLeaf, aliceSecret);
        bob = MemberView.join(tree, bobLeaf, bobSecret);
        aliceUpdate = alice.keyUpdate(random).change();
        encodedTree = tree.encode();
        scalar = freshSecret();
        point = Cortado.multiplyGenerator(freshSecret());
        System.out.printf("%n[art] members=%d depth=%d encoded tree=%d bytes, full decode took %d ms%n",
                members, tree.leafDepth(aliceLeaf), encodedTree.length, decodeMillis);
    }

    @Benchmark
    public CortadoPoint baselineVariableBaseMultiplication() {
        return point.multiply(scalar);
    }

    /** A member creates a key update: fresh secret, ratchet to the root, public keys, validation. */
    @Benchmark
    public CreatedBranch createKeyUpdate() throws Exception {
        return alice.keyUpdate(random);
    }

    /** The Node applies a received key update to its public tree (validation and path copy only). */
    @Benchmark
    public PublicTree applyKeyUpdatePublic() throws Exception {
        return tree.apply(aliceUpdate);
    }

    /** Another member applies it: public part plus derivation from the meeting point and the root check. */
    @Benchmark
    public MemberView applyKeyUpdateMember() throws Exception {
        return bob.apply(aliceUpdate);
    }

    @Benchmark
    public BranchChange decodeBranchChange() throws Exception {
        return BranchChange.decode(aliceUpdate.encode());
    }

    @Benchmark
    public byte[] encodeTree() {
        return tree.encode();
    }

    private Scalar freshSecret() {
        BigInteger v;
        do {
            v = new BigInteger(252, random);
        } while (v.signum() == 0);
        return Scalar.of(v);
    }

    /** A key update the leaf's holder would publish, computed with public API only. */
    private static BranchChange ownUpdate(PublicTree tree, long leaf, Scalar secret) throws Exception {
        List<CortadoPoint> coPath = tree.coPathKeys(leaf);
        List<CortadoPoint> keys = new ArrayList<>();
        Scalar current = secret;
        keys.add(Cortado.multiplyGenerator(current));
        for (CortadoPoint sibling : coPath) {
            current = sibling.multiply(current).iota();
            keys.add(Cortado.multiplyGenerator(current));
        }
        return new BranchChange(BranchChangeType.KEY_UPDATE, leaf, keys);
    }

    /** docs/art.md format: version 1, then (tag, key) per node in increasing heap index; keys from a pool. */
    static byte[] balancedTreeEncoding(int leaves) {
        List<byte[]> pool = new ArrayList<>();
        CortadoPoint key = Cortado.H;
        for (int i = 0; i < 257; i++) {
            pool.add(key.encode());
            key = key.add(Cortado.G);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + 33 * (2 * leaves - 1));
        out.write(1);
        ArrayDeque<Integer> queue = new ArrayDeque<>(); // leaf counts of the subtrees in level order
        queue.add(leaves);
        int written = 0;
        while (!queue.isEmpty()) {
            int n = queue.poll();
            out.write(n == 1 ? 1 : 0);
            out.writeBytes(pool.get(written++ % pool.size()));
            if (n > 1) {
                queue.add((n + 1) / 2);
                queue.add(n / 2);
            }
        }
        return out.toByteArray();
    }
}
