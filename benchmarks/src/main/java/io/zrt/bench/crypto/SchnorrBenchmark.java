package io.zrt.bench.crypto;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;
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

/** Schnorr sign and verify for 1 and 4 keys (eligibility proofs, read proofs, payload signatures). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchnorrBenchmark {

    @Param({"1", "4"})
    public int keys;

    private final SecureRandom random = new SecureRandom();
    private List<CortadoKeyPair> keyPairs;
    private List<CortadoPoint> publicKeys;
    private byte[] message;
    private byte[] signature;

    @Setup
    public void setUp() {
        keyPairs = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            keyPairs.add(CortadoKeyPair.generate(random));
        }
        publicKeys = keyPairs.stream().map(CortadoKeyPair::publicKey).toList();
        message = Schnorr.digest("zrt/bench/schnorr");
        signature = Schnorr.sign(message, keyPairs, random);
    }

    @Benchmark
    public byte[] sign() {
        return Schnorr.sign(message, keyPairs, random);
    }

    @Benchmark
    public boolean verify() throws VerificationException {
        Schnorr.verify(message, publicKeys, signature);
        return true;
    }
}
