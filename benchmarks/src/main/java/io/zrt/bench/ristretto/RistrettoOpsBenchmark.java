package io.zrt.bench.ristretto;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;
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
 * Single operations of io.zrt.crypto.ristretto next to the same operation in curve25519-elisabeth
 * (baseline, same run). Scalar inversion is compared with BigInteger.modInverse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RistrettoOpsBenchmark {
    private static final BigInteger L =
        BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private Scalar a;
    private Scalar b;
    private RistrettoPoint p;
    private byte[] encoded;
    private BigInteger bigA;
    private cafe.cryptography.curve25519.Scalar ea;
    private cafe.cryptography.curve25519.Scalar eb;
    private cafe.cryptography.curve25519.RistrettoElement ep;

    @Setup
    public void setup() {
        SecureRandom rnd = new SecureRandom();
        a = Scalar.random(rnd);
        b = Scalar.random(rnd);
        byte[] u = new byte[64];
        rnd.nextBytes(u);
        p = RistrettoPoint.fromUniformBytes(u);
        encoded = p.encode();
        bigA = new BigInteger(1, reverse(a.toBytes()));
        ea = cafe.cryptography.curve25519.Scalar.fromBytesModOrder(a.toBytes());
        eb = cafe.cryptography.curve25519.Scalar.fromBytesModOrder(b.toBytes());
        ep = cafe.cryptography.curve25519.RistrettoElement.fromUniformBytes(u);
    }

    private static byte[] reverse(byte[] x) {
        byte[] r = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }

    @Benchmark
    public RistrettoPoint zrtVariableBaseMul() {
        return p.multiply(a);
    }

    @Benchmark
    public Object elisabethVariableBaseMul() {
        return ep.multiply(ea);
    }

    @Benchmark
    public RistrettoPoint zrtFixedBaseMul() {
        return RistrettoPoint.mulBase(a);
    }

    @Benchmark
    public Object elisabethFixedBaseMul() {
        return cafe.cryptography.curve25519.Constants.RISTRETTO_GENERATOR_TABLE.multiply(ea);
    }

    @Benchmark
    public Scalar zrtScalarMul() {
        return a.multiply(b);
    }

    @Benchmark
    public Object elisabethScalarMul() {
        return ea.multiply(eb);
    }

    @Benchmark
    public Scalar zrtScalarInvert() {
        return a.invert();
    }

    @Benchmark
    public BigInteger bigIntegerScalarInvert() {
        return bigA.modInverse(L);
    }

    @Benchmark
    public byte[] zrtEncode() {
        return p.encode();
    }

    @Benchmark
    public byte[] elisabethEncode() {
        return ep.compress().toByteArray();
    }

    @Benchmark
    public RistrettoPoint zrtDecode() throws Exception {
        return RistrettoPoint.decode(encoded);
    }

    @Benchmark
    public Object elisabethDecode() throws Exception {
        return new cafe.cryptography.curve25519.CompressedRistretto(encoded).decompress();
    }
}
