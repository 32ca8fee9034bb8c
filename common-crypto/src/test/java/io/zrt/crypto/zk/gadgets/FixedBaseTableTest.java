package io.zrt.crypto.zk.gadgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedBaseTableTest {

    private static CortadoPoint times(long k, CortadoPoint base) {
        return base.multiply(io.zrt.crypto.cortado.Scalar.reduce(BigInteger.valueOf(k)));
    }

    @Test
    void onlyTheFirstAndLastWindowsOfA252BitScalarAreNotProvablyDistinct() {
        boolean[] distinct = FixedBaseTable.distinctWindows(84);
        assertThat(distinct[0]).isFalse();      // the first window is the starting point, not an addition
        assertThat(distinct[83]).isFalse();     // the last window's entries carry the negative offset
        for (int k = 1; k <= 82; k++) {
            assertThat(distinct[k]).as("window %d", k).isTrue();
        }
    }

    @Test
    void entriesAreTheDocumentedMultiplesOfTheBase() {
        CortadoPoint base = times(123_456_789L, Cortado.G);
        CortadoPoint[][] t = Cortado.offsetWindowTable(base, 3, 4, FixedBaseTable.OFFSET_DIGIT);
        long k = 2 + 2 * 8 + 2 * 64;
        for (int d = 0; d < 8; d++) {
            assertThat(t[0][d]).isEqualTo(times(d + 2, base));
            assertThat(t[1][d]).isEqualTo(times((d + 2) * 8L, base));
            assertThat(t[2][d]).isEqualTo(times((d + 2) * 64L, base));
            assertThat(t[3][d]).isEqualTo(times(d * 512L - k, base));
        }
        assertThatThrownBy(() -> Cortado.offsetWindowTable(CortadoPoint.infinity(), 3, 4, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The integer argument checked on real points by exhaustion: for every 12-bit scalar and two bases, every
     * addition flagged distinct adds points with different x-coordinates.
     */
    @Test
    void flaggedAdditionsNeverMeetEqualAbscissasForAnyTwelveBitScalar() {
        boolean[] distinct = FixedBaseTable.distinctWindows(4);
        assertThat(distinct).containsExactly(false, true, true, false);
        for (CortadoPoint base : new CortadoPoint[] {Cortado.G, times(new Random(3).nextLong() >>> 1, Cortado.H)}) {
            CortadoPoint[][] t = Cortado.offsetWindowTable(base, 3, 4, FixedBaseTable.OFFSET_DIGIT);
            for (int lambda = 0; lambda < 4096; lambda++) {
                CortadoPoint sum = t[0][lambda & 7];
                for (int w = 1; w < 4; w++) {
                    CortadoPoint entry = t[w][(lambda >>> (3 * w)) & 7];
                    if (distinct[w]) {
                        assertThat(sum.x()).as("λ=%d window %d", lambda, w).isNotEqualTo(entry.x());
                    }
                    sum = sum.add(entry);
                }
                assertThat(sum).isEqualTo(times(lambda, base));
            }
        }
    }

    @Test
    void multilinearCoefficientsReproduceEveryEntry() {
        Random rng = new Random(5);
        Scalar[] values = new Scalar[8];
        for (int d = 0; d < 8; d++) {
            values[d] = Scalar.fromLong(rng.nextInt(1_000_000));
        }
        Scalar[] c = FixedBaseTable.multilinearCoefficients(values);
        for (int d = 0; d < 8; d++) {
            Scalar sum = Scalar.zero();
            for (int m = 0; m < 8; m++) {
                if ((m & d) == m) {             // every bit of the monomial is set in d
                    sum = sum.add(c[m]);
                }
            }
            assertThat(sum).isEqualTo(values[d]);
        }
    }
}
