package io.zrt.bench.zk;

import io.zrt.crypto.ristretto.PrecomputedMsm;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import io.zrt.crypto.zk.Generators;
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
 * A 2^15-point multi-scalar multiplication over the proof system's generators Gᵢ (the shape of the
 * verifier's work): naive (separate multiplications and additions) against Pippenger and the precomputed
 * fixed-base tables, same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class GeneratorMsmBenchmark {

    @Param({"32768"})
    public int size;

    private Scalar[] scalars;
    private RistrettoPoint[] points;
    private PrecomputedMsm table;

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(3);
        scalars = new Scalar[size];
        points = new RistrettoPoint[size];
        List<RistrettoPoint> bases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] wide = new byte[64];
            rnd.nextBytes(wide);
            scalars[i] = Scalar.fromWideBytes(wide);
            points[i] = Generators.vectorG(i);
            bases.add(points[i]);
        }
        table = PrecomputedMsm.of(bases);
    }

    @Benchmark
    public RistrettoPoint naive() {
        RistrettoPoint acc = RistrettoPoint.identity();
        for (int i = 0; i < size; i++) {
            acc = acc.add(points[i].multiply(scalars[i]));
        }
        return acc;
    }

    @Benchmark
    public RistrettoPoint pippenger() {
        return RistrettoPoint.vartimeMultiscalarMul(scalars, points);
    }

    @Benchmark
    public RistrettoPoint precomputed() {
        return table.vartimeMultiply(scalars);
    }
}
