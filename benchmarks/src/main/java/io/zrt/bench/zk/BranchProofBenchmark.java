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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Branch proofs of a key update at the depth of the deepest leaf of a balanced tree: 4 (10 members), 10
 * (1,000) and 17 (100,000). The co-path is d random keys (only the depth matters to the proof). Measures
 * proving, verifying one proof (circuit rebuild included) and a batch of 16 (the same proof added 16 times:
 * each entry gets its own random weight and circuit, so the work equals 16 distinct proofs of the same
 * group's co-path; distinct co-paths would add the fixed-base table build of new keys).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BranchProofBenchmark {

    private static final BigInteger BOUND = BigInteger.ONE.shiftLeft(252);

    @Param({"4", "10", "17"})
    public int depth;

    private final SecureRandom random = new SecureRandom();
    private BranchStatement statement;
    private List<Scalar> secrets;
    private byte[] proof;

    @Setup
    public void setup() throws Exception {
        List<CortadoPoint> coPath = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            coPath.add(Cortado.multiplyGenerator(secret()));
        }
        while (true) {
            secrets = new ArrayList<>();
            Scalar current = secret();
            secrets.add(current);
            boolean inRange = true;
            for (CortadoPoint c : coPath) {
                current = c.multiply(current).iota();
                inRange &= current.toBigInteger().compareTo(BOUND) < 0 && !current.isZero();
                secrets.add(current);
            }
            if (inRange) {
                break;
            }
        }
        List<CortadoPoint> keys = new ArrayList<>();
        for (Scalar s : secrets) {
            keys.add(Cortado.multiplyGenerator(s));
        }
        byte[] ad = new byte[32];
        random.nextBytes(ad);
        statement = new BranchStatement(false, ad, keys, coPath);
        proof = new BranchProver().prove(statement, secrets).encode();
        BranchVerifier.verify(statement, proof);
        System.out.printf("%n[branch] depth=%d gates=%d proof=%d bytes%n", depth, BranchCircuit.gateCount(depth),
                proof.length);
    }

    private Scalar secret() {
        BigInteger v;
        do {
            v = new BigInteger(252, random);
        } while (v.signum() == 0);
        return Scalar.of(v);
    }

    @Benchmark
    public BranchProof prove() throws Exception {
        return new BranchProver().prove(statement, secrets);
    }

    @Benchmark
    public void verify() throws Exception {
        BranchVerifier.verify(statement, proof);
    }

    @Benchmark
    public void verifyBatchOf16() throws Exception {
        BranchBatchVerifier batch = new BranchBatchVerifier();
        for (int i = 0; i < 16; i++) {
            batch.add(statement, proof);
        }
        batch.verify();
    }
}
