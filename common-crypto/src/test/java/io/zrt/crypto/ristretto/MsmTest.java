package io.zrt.crypto.ristretto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every MSM variant against the naive sum of single multiplications. */
class MsmTest {

    static Scalar[] randomScalars(Random rnd, int n) {
        Scalar[] s = new Scalar[n];
        for (int i = 0; i < n; i++) {
            int kind = rnd.nextInt(20);
            if (kind == 0) {
                s[i] = Scalar.zero();
            } else if (kind == 1) {
                s[i] = Scalar.one().negate();        // l - 1: the longest digit expansions
            } else if (kind == 2) {
                s[i] = Scalar.fromLong(rnd.nextInt(17));
            } else {
                byte[] b = new byte[64];
                rnd.nextBytes(b);
                s[i] = Scalar.fromWideBytes(b);
            }
        }
        return s;
    }

    static RistrettoPoint[] randomPoints(Random rnd, int n) {
        RistrettoPoint[] p = new RistrettoPoint[n];
        for (int i = 0; i < n; i++) {
            if (i > 0 && rnd.nextInt(10) == 0) {
                p[i] = p[rnd.nextInt(i)];              // repeated bases
            } else if (rnd.nextInt(25) == 0) {
                p[i] = RistrettoPoint.identity();
            } else {
                byte[] b = new byte[64];
                rnd.nextBytes(b);
                p[i] = RistrettoPoint.fromUniformBytes(b);
            }
        }
        return p;
    }

    static RistrettoPoint naive(Scalar[] s, RistrettoPoint[] p) {
        RistrettoPoint acc = RistrettoPoint.identity();
        for (int i = 0; i < s.length; i++) {
            acc = acc.add(p[i].multiply(s[i]));
        }
        return acc;
    }

    @Property(tries = 25)
    void allVariantsMatchTheNaiveSum(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        Random rnd = new Random(seed);
        Scalar[] s = randomScalars(rnd, n);
        RistrettoPoint[] p = randomPoints(rnd, n);
        RistrettoPoint expected = naive(s, p);
        assertThat(RistrettoPoint.vartimeMultiscalarMul(s, p)).isEqualTo(expected);
        assertThat(RistrettoPoint.multiscalarMul(s, p)).isEqualTo(expected);
        assertThat(Msm.vartimeStraus(s, limbs(p))).satisfies(r -> assertThat(new RistrettoPoint(r)).isEqualTo(expected));
        assertThat(new RistrettoPoint(Msm.pippenger(s, limbs(p)))).isEqualTo(expected);
        PrecomputedMsm pre = PrecomputedMsm.of(Arrays.asList(p));
        assertThat(pre.vartimeMultiply(s)).isEqualTo(expected);
    }

    @Example
    void largeSizesMatchTheNaiveSum() {
        for (int n : new int[] {1000, 4500}) {
            Random rnd = new Random(n);
            Scalar[] s = randomScalars(rnd, n);
            RistrettoPoint[] p = randomPoints(rnd, n);
            RistrettoPoint expected = naive(s, p);
            assertThat(RistrettoPoint.vartimeMultiscalarMul(s, p)).isEqualTo(expected);
            assertThat(PrecomputedMsm.of(Arrays.asList(p)).vartimeMultiply(s)).isEqualTo(expected);
        }
    }

    @Example
    void precomputedSupportsPrefixesAndMixedTerms() {
        Random rnd = new Random(7);
        RistrettoPoint[] bases = randomPoints(rnd, 64);
        PrecomputedMsm pre = PrecomputedMsm.of(List.of(bases));
        Scalar[] s = randomScalars(rnd, 40);
        assertThat(pre.vartimeMultiply(s)).isEqualTo(naive(s, Arrays.copyOf(bases, 40)));
        Scalar[] ds = randomScalars(rnd, 5);
        RistrettoPoint[] dp = randomPoints(rnd, 5);
        assertThat(pre.vartimeMixedMultiply(s, ds, dp)).isEqualTo(naive(s, Arrays.copyOf(bases, 40)).add(naive(ds, dp)));
        assertThatThrownBy(() -> pre.vartimeMultiply(new Scalar[65])).isInstanceOf(IllegalArgumentException.class);
        assertThat(pre.vartimeMultiply(new Scalar[0]).isIdentity()).isTrue();
    }

    @Example
    void emptyAndMismatchedInputs() {
        assertThat(RistrettoPoint.vartimeMultiscalarMul(new Scalar[0], new RistrettoPoint[0]).isIdentity()).isTrue();
        assertThat(RistrettoPoint.multiscalarMul(new Scalar[0], new RistrettoPoint[0]).isIdentity()).isTrue();
        assertThatThrownBy(() -> RistrettoPoint.multiscalarMul(new Scalar[1], new RistrettoPoint[2]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RistrettoPoint.vartimeMultiscalarMul(new Scalar[] {null},
            new RistrettoPoint[] {RistrettoPoint.basepoint()})).isInstanceOf(NullPointerException.class);
    }

    @Example
    void windowChoiceGrowsWithSize() {
        assertThat(Msm.pippengerWindow(200)).isLessThan(Msm.pippengerWindow(4096));
        assertThat(Msm.pippengerWindow(4096)).isLessThan(Msm.pippengerWindow(100_000));
        assertThat(PrecomputedMsm.chooseWindow(32768)).isEqualTo(13);
        assertThat(PrecomputedMsm.chooseWindow(64)).isLessThan(13);
    }

    static long[][] limbs(RistrettoPoint[] p) {
        long[][] out = new long[p.length][];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i].ext;
        }
        return out;
    }
}
