package io.zrt.bench.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.ristretto.RistrettoPoint;
import org.junit.jupiter.api.Test;

/**
 * A benchmark that compares an implementation with its baseline only means something if both compute the
 * same value: run every variant once on a small size and require equal results.
 */
class RistrettoMsmBenchmarkTest {

    @Test
    void everyVariantComputesTheSameSum() {
        RistrettoMsmBenchmark benchmark = new RistrettoMsmBenchmark();
        benchmark.size = 96;
        benchmark.setup();

        RistrettoPoint baseline = benchmark.naiveSeparateMultiplications();

        assertThat(baseline.isIdentity()).isFalse();
        assertThat(benchmark.msmVartimePippenger()).isEqualTo(baseline);
        assertThat(benchmark.msmConstantTimeStraus()).isEqualTo(baseline);
        assertThat(benchmark.msmPrecomputedFixedBases()).isEqualTo(baseline);
        // The outside reference library must agree byte for byte on the encoding.
        var reference = (cafe.cryptography.curve25519.RistrettoElement) benchmark.elisabethSeparateMultiplications();
        assertThat(reference.compress().toByteArray()).isEqualTo(baseline.encode());
    }
}
