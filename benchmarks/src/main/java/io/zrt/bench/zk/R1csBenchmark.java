package io.zrt.bench.zk;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.zk.Generators;
import io.zrt.crypto.zk.R1csProof;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Proving and verifying an R1CS statement of 2^10 … 2^15 multiplication gates. Verification is measured
 * with plain Pippenger and with the precomputed generator tables, in the same run (the ratio is the
 * figure of interest). Run e.g. {@code java -jar benchmarks.jar R1csBenchmark -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class R1csBenchmark {

    @Param({"1024", "2048", "4096", "8192", "16384", "32768"})
    public int gates;

    private BenchCircuit circuit;
    private R1csProof proof;

    @Setup(Level.Trial)
    public void setup() throws CryptoException {
        circuit = new BenchCircuit(gates);
        proof = circuit.prove(7);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Generators.dropPrecomputation();
    }

    @Benchmark
    public R1csProof prove() throws CryptoException {
        return new BenchCircuit(gates).prove(11);
    }

    @Benchmark
    public void verifyPippenger() throws CryptoException {
        Generators.dropPrecomputation();
        circuit.statement().verify(proof);
    }

    @Benchmark
    public void verifyPrecomputed() throws CryptoException {
        Generators.precompute(gates);
        circuit.statement().verify(proof);
    }

    /** The circuit rebuild alone (the verifier's non-MSM share). */
    @Benchmark
    public Object buildStatementOnly() {
        return circuit.statement();
    }
}
