package io.zrt.bench.zk;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.transcript.Transcript;
import io.zrt.crypto.zk.Commitment;
import io.zrt.crypto.zk.ConstraintSystem;
import io.zrt.crypto.zk.LinearCombination;
import io.zrt.crypto.zk.R1csProof;
import io.zrt.crypto.zk.R1csProver;
import io.zrt.crypto.zk.R1csVerifier;
import io.zrt.crypto.zk.Scalars;
import io.zrt.crypto.zk.Variable;
import io.zrt.crypto.zk.gadgets.BitDecomposition;
import io.zrt.crypto.zk.gadgets.CortadoGadgets;
import io.zrt.crypto.zk.gadgets.ScalarMultiplication;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The shape of the next issue's branch proof for a tree of depth d (d = 10: about 1,000 members), built from
 * this package's gadgets: per level one 252-bit decomposition, chain A (Qᵢ = λᵢ·G) and chain B
 * (λᵢ₊₁ = x(λᵢ·Cᵢ)); the root has chain A only. Secrets enter as commitments here (the real circuit may
 * allocate them instead). Measures proving, verifying (circuit rebuild included) and the rebuild alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ArtShapedCircuitBenchmark {

    @Param({"10"})
    public int depth;

    private BigInteger[] lambdas;
    private CortadoPoint[] keys;
    private CortadoPoint[] coPath;
    private List<RistrettoPoint> commitments;
    private R1csProof proof;
    public int gates;

    @Setup(Level.Trial)
    public void setup() throws CryptoException {
        Random rng = new Random(10);
        lambdas = new BigInteger[depth + 1];
        keys = new CortadoPoint[depth + 1];
        coPath = new CortadoPoint[depth];
        lambdas[0] = new BigInteger(252, rng).setBit(200);
        for (int i = 0; i <= depth; i++) {
            keys[i] = Cortado.G.multiply(io.zrt.crypto.cortado.Scalar.of(lambdas[i]));
            if (i < depth) {
                coPath[i] = Cortado.G.multiply(io.zrt.crypto.cortado.Scalar.of(new BigInteger(250, rng).setBit(3)));
                lambdas[i + 1] = coPath[i].multiply(io.zrt.crypto.cortado.Scalar.of(lambdas[i])).x().toBigInteger();
                if (lambdas[i + 1].bitLength() > 252) {
                    throw new IllegalStateException("derived secret above 2^252 (probability 2^-125): change the seed");
                }
            }
        }
        prove();
    }

    private void circuit(ConstraintSystem cs, List<Variable> secrets) {
        for (int i = 0; i <= depth; i++) {
            BitDecomposition lambda = BitDecomposition.decompose(cs, LinearCombination.of(secrets.get(i)),
                    BitDecomposition.MAX_BITS);
            CortadoGadgets.assertEquals(cs, ScalarMultiplication.fixedBase(cs, lambda, Cortado.G), keys[i]);
            if (i < depth) {
                LinearCombination x = ScalarMultiplication.fixedBase(cs, lambda, coPath[i]).x();
                cs.constrain(x.minus(secrets.get(i + 1)));
            }
        }
    }

    @Benchmark
    public R1csProof prove() throws CryptoException {
        R1csProver prover = new R1csProver(Transcript.create(BenchCircuit.LABEL));
        List<Variable> vars = new ArrayList<>();
        List<RistrettoPoint> points = new ArrayList<>();
        for (BigInteger l : lambdas) {
            Commitment c = prover.commit(Scalars.of(l));
            vars.add(c.variable());
            points.add(c.point());
        }
        circuit(prover, vars);
        gates = prover.multiplierCount();
        R1csProof p = prover.prove();
        if (proof == null) {
            proof = p;
            commitments = points;
        }
        return p;
    }

    private R1csVerifier statement() {
        R1csVerifier verifier = new R1csVerifier(Transcript.create(BenchCircuit.LABEL));
        List<Variable> vars = new ArrayList<>();
        for (RistrettoPoint v : commitments) {
            vars.add(verifier.commit(v));
        }
        circuit(verifier, vars);
        return verifier;
    }

    @Benchmark
    public void verify() throws CryptoException {
        statement().verify(proof);
    }

    @Benchmark
    public Object rebuildOnly() {
        return statement();
    }
}
