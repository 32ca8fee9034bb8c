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
    void rejectsMoreScalarsThanBasesAndMismatchedParts() {
        FixedBaseMsm table = FixedBaseMsm.of(List.of(RistrettoPoint.basepoint()));
        assertThatThrownBy(() -> table.multiply(new Scalar[] {Scalar.one(), Scalar.one()}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedBaseMsm.multiply(new FixedBaseMsm[] {table}, new Scalar[0][]))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.multiply(new Scalar[] {null})).isInstanceOf(NullPointerException.class);
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
