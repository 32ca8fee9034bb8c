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

/** The constant-time fixed-base MSM against the naive sum, including edge digits and prefixes. */
class FixedBaseMsmTest {

    @Property(tries = 20)
    void matchesTheNaiveSumForEveryPrefix(@ForAll @IntRange(min = 1, max = 120) int n, @ForAll long seed) {
        Random rnd = new Random(seed);
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, n);
        FixedBaseMsm table = FixedBaseMsm.of(Arrays.asList(p));
        int m = 1 + rnd.nextInt(n);
        Scalar[] s = MsmTest.randomScalars(rnd, m);
        assertThat(table.multiply(s)).isEqualTo(MsmTest.naive(s, Arrays.copyOf(p, m)));
    }

    @Example
    void edgeScalarsAndSingleBase() {
        RistrettoPoint b = RistrettoPoint.basepoint();
        FixedBaseMsm one = FixedBaseMsm.of(List.of(b));
        // Every radix-16 digit value from -8 to 8 appears among these (8 = 0x8, 15 = 16 - 1, ...).
        long[] small = {0, 1, 2, 7, 8, 9, 15, 16, 17, 0x88, 0x7777, 0x8888_8888L, Long.MAX_VALUE};
        for (long v : small) {
            Scalar s = Scalar.fromLong(v);
            assertThat(one.multiply(new Scalar[] {s})).isEqualTo(b.multiply(s));
        }
        Scalar minusOne = Scalar.one().negate();
        assertThat(one.multiply(new Scalar[] {minusOne})).isEqualTo(b.negate());
        assertThat(one.multiply(new Scalar[0])).isEqualTo(RistrettoPoint.identity());
        Scalar[] zeros = {Scalar.zero()};
        assertThat(one.multiply(zeros)).isEqualTo(RistrettoPoint.identity());
    }

    @Example
    void multiPartEqualsTheSumOfParts() {
        Random rnd = new Random(7);
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, 40);
        RistrettoPoint[] q = MsmTest.randomPoints(rnd, 25);
        FixedBaseMsm tp = FixedBaseMsm.of(Arrays.asList(p));
        FixedBaseMsm tq = FixedBaseMsm.of(Arrays.asList(q));
        Scalar[] sp = MsmTest.randomScalars(rnd, 40);
        Scalar[] sq = MsmTest.randomScalars(rnd, 10);
        RistrettoPoint expected = MsmTest.naive(sp, p).add(MsmTest.naive(sq, Arrays.copyOf(q, 10)));
        assertThat(FixedBaseMsm.multiply(new FixedBaseMsm[] {tp, tq}, new Scalar[][] {sp, sq})).isEqualTo(expected);
    }

    @Example
    void largerTableThanAnyEarlierOneStillMatches() {
        Random rnd = new Random(11);
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, 1100);   // more than one 512-base build chunk
        Scalar[] s = MsmTest.randomScalars(rnd, 1100);
        assertThat(FixedBaseMsm.of(Arrays.asList(p)).multiply(s)).isEqualTo(RistrettoPoint.vartimeMultiscalarMul(s, p));
    }

    @Example
    void nullEntriesAreSkippedAndBitsMatchTheNaiveSum() {
        Random rnd = new Random(13);
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, 30);
        FixedBaseMsm table = FixedBaseMsm.of(Arrays.asList(p));
        Scalar[] s = MsmTest.randomScalars(rnd, 30);
        Scalar[] bits = new Scalar[30];
        Scalar[] withNulls = s.clone();
        Scalar[] dense = new Scalar[30];
        Scalar[] denseBits = new Scalar[30];
        for (int i = 0; i < 30; i++) {
            boolean skip = i % 3 == 0;
            withNulls[i] = skip ? null : s[i];
            dense[i] = skip ? Scalar.zero() : s[i];
            bits[i] = skip ? null : Scalar.fromLong(rnd.nextInt(2));
            denseBits[i] = skip ? Scalar.zero() : bits[i];
        }
        assertThat(table.multiply(withNulls)).isEqualTo(MsmTest.naive(dense, p));
        assertThat(FixedBaseMsm.vartimeMultiply(new FixedBaseMsm[] {table}, new Scalar[][] {withNulls}))
            .isEqualTo(MsmTest.naive(dense, p));
        assertThat(table.multiplyBits(bits)).isEqualTo(MsmTest.naive(denseBits, p));
        assertThat(table.multiplyBits(new Scalar[] {Scalar.one()})).isEqualTo(p[0]);
        assertThat(table.multiplyBits(new Scalar[] {Scalar.zero()})).isEqualTo(RistrettoPoint.identity());
    }

    @Example
    void vartimeMatchesForSmallNegativeScalars() {
        Random rnd = new Random(17);
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, 200);
        Scalar[] s = MsmTest.randomScalars(rnd, 200);
        for (int i = 0; i < 200; i += 4) {
            s[i] = Scalar.fromLong(i).negate();          // -small: the negated-base path
        }
        FixedBaseMsm table = FixedBaseMsm.of(Arrays.asList(p));
        assertThat(FixedBaseMsm.vartimeMultiply(new FixedBaseMsm[] {table}, new Scalar[][] {s}))
            .isEqualTo(MsmTest.naive(s, p));
        assertThat(FixedBaseMsm.vartimeMultiply(new FixedBaseMsm[] {table}, new Scalar[][] {new Scalar[3]}))
            .isEqualTo(RistrettoPoint.identity());
    }

    @Example
    void stridedCombinationsMatchTheNaiveSums() {
        Random rnd = new Random(19);
        int stride = 8;
        int block = 5;
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, stride * block + 3);
        FixedBaseMsm table = FixedBaseMsm.of(Arrays.asList(p));
        Scalar[] coefficients = MsmTest.randomScalars(rnd, block);
        RistrettoPoint[] out = table.vartimeStridedCombinations(coefficients, stride);
        for (int j = 0; j < stride; j++) {
            RistrettoPoint[] column = new RistrettoPoint[block];
            for (int k = 0; k < block; k++) {
                column[k] = p[j + k * stride];
            }
            assertThat(out[j]).isEqualTo(MsmTest.naive(coefficients, column));
        }
        assertThatThrownBy(() -> table.vartimeStridedCombinations(coefficients, stride + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void splittingAcrossThreadsGivesTheSameResults() {
        Random rnd = new Random(23);
        int n = 1300;
        RistrettoPoint[] p = MsmTest.randomPoints(rnd, n);
        Scalar[] s = MsmTest.randomScalars(rnd, n);
        FixedBaseMsm table = FixedBaseMsm.of(Arrays.asList(p));
        RistrettoPoint expected = RistrettoPoint.vartimeMultiscalarMul(s, p);
        Scalar[] coefficients = MsmTest.randomScalars(rnd, 4);
        RistrettoPoint[] strided = table.vartimeStridedCombinations(coefficients, 320);
        RistrettoPoint[] big = MsmTest.randomPoints(rnd, 6200);
        Scalar[] bigScalars = MsmTest.randomScalars(rnd, 6200);
        RistrettoPoint bigSum = RistrettoPoint.vartimeMultiscalarMul(bigScalars, big);
        String before = System.getProperty("zrt.msm.threads");
        try {
            System.setProperty("zrt.msm.threads", "3");
            assertThat(MsmThreads.configured()).isEqualTo(3);
            assertThat(MsmThreads.partsFor(n)).isEqualTo(3);
            assertThat(table.multiply(s)).isEqualTo(expected);
            assertThat(FixedBaseMsm.vartimeMultiply(new FixedBaseMsm[] {table}, new Scalar[][] {s})).isEqualTo(expected);
            assertThat(table.vartimeStridedCombinations(coefficients, 320)).isEqualTo(strided);
            assertThat(Msm.vartime(bigScalars, MsmTest.limbs(big))).satisfies(
                r -> assertThat(new RistrettoPoint(r)).isEqualTo(bigSum));
            System.setProperty("zrt.msm.threads", "1000");
            assertThat(MsmThreads.configured()).isEqualTo(64);
        } finally {
            if (before == null) {
                System.clearProperty("zrt.msm.threads");
            } else {
                System.setProperty("zrt.msm.threads", before);
            }
        }
        if (before == null) {
            assertThat(MsmThreads.configured()).isEqualTo(1);
        }
    }

    @Example
    void rejectsMoreScalarsThanBasesAndMismatchedParts() {
        FixedBaseMsm table = FixedBaseMsm.of(List.of(RistrettoPoint.basepoint()));
        assertThatThrownBy(() -> table.multiply(new Scalar[] {Scalar.one(), Scalar.one()}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedBaseMsm.multiply(new FixedBaseMsm[] {table}, new Scalar[0][]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.multiply(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> table.multiplyBits(new Scalar[2])).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.toString()).doesNotContain("[0").contains("bases=1");
    }

    @Example
    void selectAffineReturnsEachSignedMultiple() {
        RistrettoPoint b = RistrettoPoint.basepoint();
        FixedBaseMsm table = FixedBaseMsm.of(List.of(b));
        long[] entries = new long[8 * PointOps.AFFINE];
        for (int k = 0; k < 8; k++) {
            // Rebuild the table independently: k+1 times B, converted to affine Niels.
            long[] ext = b.multiply(Scalar.fromLong(k + 1)).ext;
            PointOps.batchToAffine(entries, k * PointOps.AFFINE, ext, 0, 1);
        }
        long[] sel = new long[PointOps.AFFINE];
        long[] c = new long[PointOps.COMPLETED];
        long[] out = new long[PointOps.EXT];
        for (int d = -8; d <= 8; d++) {
            PointOps.selectAffine(sel, entries, 0, 8, d);
            PointOps.addAffine(c, RistrettoPoint.identity().ext, 0, sel, 0, false);
            PointOps.completedToExt(out, 0, c);
            RistrettoPoint expected = d >= 0 ? b.multiply(Scalar.fromLong(d)) : b.multiply(Scalar.fromLong(-d)).negate();
            assertThat(new RistrettoPoint(out)).isEqualTo(expected);
        }
        assertThat(table.size()).isEqualTo(1);
        assertThat(table.tableBytes()).isEqualTo(8L * 8 * PointOps.AFFINE);
    }
}
