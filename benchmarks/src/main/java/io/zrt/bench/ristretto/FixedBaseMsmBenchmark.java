package io.zrt.bench.ristretto;

import io.zrt.crypto.ristretto.FixedBaseMsm;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.Arrays;
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
 * The prover's multiplications over fixed generators, old against new in the same run:
 * <ul>
 *   <li>secret scalars: constant-time Straus with per-call tables ({@code multiscalarMul}, the old commitment
 *   path) against the constant-time fixed-base tables ({@code FixedBaseMsm.multiply});</li>
 *   <li>public scalars: Pippenger with per-call normalisation ({@code vartimeMultiscalarMul}, the old
 *   inner-product path) against Pippenger over the stored affine bases ({@code FixedBaseMsm.vartimeMultiply}).</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FixedBaseMsmBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class FixedBaseMsmBenchmark {
    @Param({"1024", "16384"})
    public int size;

    private Scalar[] scalars;
    private RistrettoPoint[] points;
    private FixedBaseMsm table;

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(5);
        scalars = new Scalar[size];
        points = new RistrettoPoint[size];
        for (int i = 0; i < size; i++) {
            byte[] s = new byte[64];
            rnd.nextBytes(s);
            scalars[i] = Scalar.fromWideBytes(s);
            byte[] u = new byte[64];
            rnd.nextBytes(u);
            points[i] = RistrettoPoint.fromUniformBytes(u);
        }
        table = FixedBaseMsm.of(Arrays.asList(points));
    }

    @Benchmark
    public RistrettoPoint secretStrausOld() {
        return RistrettoPoint.multiscalarMul(scalars, points);
    }

    @Benchmark
    public RistrettoPoint secretFixedBaseNew() {
        return table.multiply(scalars);
    }

    @Benchmark
    public RistrettoPoint publicPippengerOld() {
        return RistrettoPoint.vartimeMultiscalarMul(scalars, points);
    }

    @Benchmark
    public RistrettoPoint publicFixedBaseNew() {
        return FixedBaseMsm.vartimeMultiply(new FixedBaseMsm[] {table}, new Scalar[][] {scalars});
    }
}
