package io.zrt.bench.zk;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.zk.branch.BranchBatchVerifier;
import io.zrt.crypto.zk.branch.BranchCircuit;
import io.zrt.crypto.zk.branch.BranchProof;
import io.zrt.crypto.zk.branch.BranchProver;
import io.zrt.crypto.zk.branch.BranchStatement;
import io.zrt.crypto.zk.branch.BranchVerifier;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Branch proofs of key updates at the depth of the deepest leaf of a balanced tree: 4 (10 members), 10 (1,000)
 * and 17 (100,000). Setup proves {@value #BATCH} <em>distinct</em> statements (own co-path keys, secrets and
 * ad), as a Node sees from different groups. {@code prove} proves one of them; {@code verify} verifies them in
 * turn, one at a time (circuit rebuild and the window tables of co-path keys included; the table cache holds 64
 * bases, so at depth 4 they are reused and at depths 10 and 17 mostly rebuilt); {@code verifyBatchOf16}
 * verifies all of them in one batch. Proof sizes and gate counts are printed by the setup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BranchProofBenchmark {

    static final int BATCH = 16;
    private static final BigInteger BOUND = BigInteger.ONE.shiftLeft(252);

    @Param({"4", "10", "17"})
    public int depth;

    private final SecureRandom random = new SecureRandom();
    private List<Proven> proven;
    private int next;

    record Proven(BranchStatement statement, List<Scalar> secrets, byte[] proof) {
    }

    @Setup
    public void setup() {
        // Distinct statements, proved on all cores to keep the setup short.
        proven = IntStream.range(0, BATCH).parallel().mapToObj(i -> provenStatement()).toList();
        System.out.printf("%n[branch] depth=%d gates=%d proof=%d bytes%n", depth, BranchCircuit.gateCount(depth),
                proven.get(0).proof().length);
    }

    private Proven provenStatement() {
        try {
            List<CortadoPoint> coPath = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                coPath.add(Cortado.multiplyGenerator(secret()));
            }
            List<Scalar> secrets = ratchet(coPath);
            List<CortadoPoint> keys = new ArrayList<>();
            for (Scalar s : secrets) {
                keys.add(Cortado.multiplyGenerator(s));
            }
            byte[] ad = new byte[32];
            random.nextBytes(ad);
            BranchStatement statement = new BranchStatement(false, ad, keys, coPath);
            byte[] proof = new BranchProver().prove(statement, secrets).encode();
            BranchVerifier.verify(statement, proof);
            return new Proven(statement, secrets, proof);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark setup failed", e);
        }
    }

    /** A leaf secret whose ratchet stays below 2^252 at every level (what ART's creators redraw for). */
    private List<Scalar> ratchet(List<CortadoPoint> coPath) {
        while (true) {
            List<Scalar> secrets = new ArrayList<>();
            Scalar current = secret();
            secrets.add(current);
            boolean inRange = true;
            for (CortadoPoint c : coPath) {
                current = c.multiply(current).iota();
                inRange &= current.toBigInteger().compareTo(BOUND) < 0 && !current.isZero();
                secrets.add(current);
            }
            if (inRange) {
                return secrets;
            }
        }
    }

    private Scalar secret() {
        BigInteger v;
        do {
            v = new BigInteger(252, random);
        } while (v.signum() == 0);
        return Scalar.of(v);
    }

    private Proven nextStatement() {
        Proven p = proven.get(next);
        next = (next + 1) % BATCH;
        return p;
    }

    @Benchmark
    public BranchProof prove() throws Exception {
        Proven p = nextStatement();
        return new BranchProver().prove(p.statement(), p.secrets());
    }

    @Benchmark
    public void verify() throws Exception {
        Proven p = nextStatement();
        BranchVerifier.verify(p.statement(), p.proof());
    }

    @Benchmark
    public void verifyBatchOf16() throws Exception {
        BranchBatchVerifier batch = new BranchBatchVerifier();
        for (Proven p : proven) {
            batch.add(p.statement(), p.proof());
        }
        batch.verify();
    }
}
