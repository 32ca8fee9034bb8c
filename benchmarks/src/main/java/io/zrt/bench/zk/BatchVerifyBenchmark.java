package io.zrt.bench.zk;

import io.zrt.crypto.CryptoException;
import io.zrt.crypto.zk.BatchVerifier;
import io.zrt.crypto.zk.Generators;
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

/** 16 proofs of 2^12 gates: one batch verification against 16 single verifications, same run. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BatchVerifyBenchmark {

    @Param({"16"})
    public int proofs;

    @Param({"4096"})
    public int gates;

    private BenchCircuit[] circuits;

    @Setup(Level.Trial)
    public void setup() throws CryptoException {
        Generators.dropPrecomputation();
        circuits = new BenchCircuit[proofs];
        for (int k = 0; k < proofs; k++) {
            circuits[k] = new BenchCircuit(gates);
            circuits[k].prove(100 + k);
        }
    }

    @Benchmark
    public void batch() throws CryptoException {
        BatchVerifier batch = new BatchVerifier();
        for (BenchCircuit c : circuits) {
            batch.add(c.statement(), c.proof);
        }
        batch.verify();
    }

    @Benchmark
    public void singles() throws CryptoException {
        for (BenchCircuit c : circuits) {
            c.statement().verify(c.proof);
        }
    }
}
