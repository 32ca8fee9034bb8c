package io.zrt.bench.crypto;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cortado group operations. Baseline: {@link #pointAddition}; the ratios that matter are variable-base
 * vs fixed-base multiplication (DH and ι vs key generation) and the two-term combination used by Schnorr
 * verification.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CortadoBenchmark {

    private Scalar scalar;
    private Scalar other;
    private CortadoPoint point;
    private CortadoPoint otherPoint;
    private byte[] encoded;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        scalar = Scalar.randomNonZero(random);
        other = Scalar.randomNonZero(random);
        point = Cortado.multiplyGenerator(Scalar.randomNonZero(random));
        otherPoint = Cortado.multiplyGenerator(Scalar.randomNonZero(random));
        encoded = point.encode();
    }

    @Benchmark
    public CortadoPoint pointAddition() {
        return point.add(otherPoint);
    }

    @Benchmark
    public CortadoPoint fixedBaseMultiplication() {
        return Cortado.multiplyGenerator(scalar);
    }

    @Benchmark
    public CortadoPoint variableBaseMultiplication() throws Exception {
        // A fresh point object each time, so per-point precomputation caches do not flatter the figure.
        return CortadoPoint.fromAffine(point.x(), point.y()).multiply(scalar);
    }

    @Benchmark
    public CortadoPoint linearCombination() {
        return Cortado.linearCombination(scalar, Cortado.G, other, otherPoint);
    }

    @Benchmark
    public CortadoPoint decodePoint() throws Exception {
        return CortadoPoint.decode(encoded);
    }
}
