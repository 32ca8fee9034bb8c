package io.zrt.bench.ristretto;

import io.zrt.crypto.ristretto.PrecomputedMsm;
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
 * An n-point multi-scalar multiplication against n separate scalar multiplications plus additions
 * (the baseline), all in the same run; elisabeth's separate multiplications as an outside reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RistrettoMsmBenchmark {
    @Param({"4096"})
    public int size;

    private Scalar[] scalars;
    private RistrettoPoint[] points;
    private PrecomputedMsm precomputed;
    private cafe.cryptography.curve25519.Scalar[] eScalars;
    private cafe.cryptography.curve25519.RistrettoElement[] ePoints;

    @Setup(Level.Trial)
    public void setup() {
        Random rnd = new Random(42);
        scalars = new Scalar[size];
        points = new RistrettoPoint[size];
        eScalars = new cafe.cryptography.curve25519.Scalar[size];
        ePoints = new cafe.cryptography.curve25519.RistrettoElement[size];
        for (int i = 0; i < size; i++) {
            byte[] s = new byte[64];
            rnd.nextBytes(s);
            scalars[i] = Scalar.fromWideBytes(s);
            byte[] u = new byte[64];
            rnd.nextBytes(u);
            points[i] = RistrettoPoint.fromUniformBytes(u);
            eScalars[i] = cafe.cryptography.curve25519.Scalar.fromBytesModOrderWide(s);
            ePoints[i] = cafe.cryptography.curve25519.RistrettoElement.fromUniformBytes(u);
        }
        precomputed = PrecomputedMsm.of(Arrays.asList(points));
    }

    @Benchmark
    public RistrettoPoint naiveSeparateMultiplications() {
        RistrettoPoint acc = RistrettoPoint.identity();
        for (int i = 0; i < size; i++) {
            acc = acc.add(points[i].multiply(scalars[i]));
        }
        return acc;
    }

    @Benchmark
    public RistrettoPoint msmVartimePippenger() {
        return RistrettoPoint.vartimeMultiscalarMul(scalars, points);
    }

    @Benchmark
    public RistrettoPoint msmConstantTimeStraus() {
        return RistrettoPoint.multiscalarMul(scalars, points);
    }

    @Benchmark
    public RistrettoPoint msmPrecomputedFixedBases() {
        return precomputed.vartimeMultiply(scalars);
    }

    @Benchmark
    public Object elisabethSeparateMultiplications() {
        cafe.cryptography.curve25519.RistrettoElement acc = cafe.cryptography.curve25519.RistrettoElement.IDENTITY;
        for (int i = 0; i < size; i++) {
            acc = acc.add(ePoints[i].multiply(eScalars[i]));
        }
        return acc;
    }
}
