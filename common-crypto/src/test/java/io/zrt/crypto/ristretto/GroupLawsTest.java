package io.zrt.crypto.ristretto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Group laws, scalar multiplication consistency and encoding round trips. */
class GroupLawsTest {
    private static final BigInteger L = ScalarPropertiesTest.L;

    @Provide
    Arbitrary<Scalar> scalars() {
        return Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofSize(64).map(Scalar::fromWideBytes),
            Arbitraries.of(Scalar.zero(), Scalar.one(), Scalar.one().negate(), Scalar.fromLong(8),
                Scalar.fromLong(16)));
    }

    @Provide
    Arbitrary<RistrettoPoint> points() {
        return Arbitraries.bytes().array(byte[].class).ofSize(64).map(RistrettoPoint::fromUniformBytes);
    }

    @Property(tries = 150)
    void additionIsAnAbelianGroup(@ForAll("points") RistrettoPoint p, @ForAll("points") RistrettoPoint q,
                                  @ForAll("points") RistrettoPoint r) {
        assertThat(p.add(q)).isEqualTo(q.add(p));
        assertThat(p.add(q).add(r)).isEqualTo(p.add(q.add(r)));
        assertThat(p.add(RistrettoPoint.identity())).isEqualTo(p);
        assertThat(p.add(p.negate()).isIdentity()).isTrue();
        assertThat(p.subtract(q)).isEqualTo(p.add(q.negate()));
        assertThat(p.doubled()).isEqualTo(p.add(p));
        assertThat(p.add(q).equals(p)).isEqualTo(q.isIdentity());
    }

    @Property(tries = 100)
    void scalarMultiplicationIsAHomomorphism(@ForAll("scalars") Scalar a, @ForAll("scalars") Scalar b,
                                             @ForAll("points") RistrettoPoint p) {
        assertThat(p.multiply(a.add(b))).isEqualTo(p.multiply(a).add(p.multiply(b)));
        assertThat(p.multiply(a.multiply(b))).isEqualTo(p.multiply(b).multiply(a));
        assertThat(RistrettoPoint.mulBase(a)).isEqualTo(RistrettoPoint.basepoint().multiply(a));
        assertThat(p.multiply(a.negate())).isEqualTo(p.multiply(a).negate());
    }

    @Property(tries = 150)
    void encodingRoundTrips(@ForAll("points") RistrettoPoint p) throws Exception {
        byte[] enc = p.encode();
        RistrettoPoint back = RistrettoPoint.decode(enc);
        assertThat(back).isEqualTo(p);
        assertThat(back.encode()).isEqualTo(enc);
        assertThat(back.hashCode()).isEqualTo(p.hashCode());
    }

    @Example
    void smallMultiplesMatchTheRfcVectors() {
        for (int k = 0; k < 16; k++) {
            String expected = Rfc9496VectorsTest.MULTIPLES[k];
            assertThat(HexFormat.of().formatHex(RistrettoPoint.mulBase(Scalar.fromLong(k)).encode())).isEqualTo(expected);
            assertThat(HexFormat.of().formatHex(RistrettoPoint.basepoint().multiply(Scalar.fromLong(k)).encode()))
                .isEqualTo(expected);
        }
    }

    @Example
    void theBasepointHasOrderL() {
        Scalar lMinusOne = ScalarPropertiesTest.scalar(L.subtract(BigInteger.ONE));
        RistrettoPoint b = RistrettoPoint.basepoint();
        assertThat(RistrettoPoint.mulBase(lMinusOne)).isEqualTo(b.negate());
        assertThat(b.multiply(lMinusOne).add(b).isIdentity()).isTrue();
        assertThat(RistrettoPoint.mulBase(Scalar.zero()).isIdentity()).isTrue();
    }

    @Example
    void equalityIgnoresTheTorsionComponentOfTheRepresentative() {
        // Adding a 2-torsion or 4-torsion Edwards point changes the representative, not the group element.
        RistrettoPoint p = RistrettoPoint.hashToGroup("zrt/test", new byte[] {1, 2, 3});
        long[] torsion2 = new long[PointOps.EXT];        // (0, -1)
        FieldOps.neg(torsion2, PointOps.Y, Constants.ONE, 0);
        FieldOps.one(torsion2, PointOps.Z);
        long[] torsion4 = new long[PointOps.EXT];        // (i, 0), T = 0 since xy = 0
        FieldOps.copy(torsion4, PointOps.X, Constants.SQRT_M1, 0);
        FieldOps.one(torsion4, PointOps.Z);
        for (long[] t : new long[][] {torsion2, torsion4}) {
            RistrettoPoint shifted = p.add(new RistrettoPoint(t));
            assertThat(shifted).isEqualTo(p);
            assertThat(shifted.encode()).isEqualTo(p.encode());
        }
        assertThat(p).isNotEqualTo(p.doubled());
    }

    @Example
    void hashToGroupSeparatesDomainsAndMessages() {
        RistrettoPoint a = RistrettoPoint.hashToGroup("zrt/v1/generators", new byte[] {0});
        assertThat(RistrettoPoint.hashToGroup("zrt/v1/generators", new byte[] {0})).isEqualTo(a);
        assertThat(RistrettoPoint.hashToGroup("zrt/v1/generators", new byte[] {1})).isNotEqualTo(a);
        assertThat(RistrettoPoint.hashToGroup("zrt/v1/generatorz", new byte[] {0})).isNotEqualTo(a);
        // The domain length prefix keeps (domain, message) splits apart.
        assertThat(RistrettoPoint.hashToGroup("ab", new byte[] {'c'}))
            .isNotEqualTo(RistrettoPoint.hashToGroup("a", new byte[] {'b', 'c'}));
    }
}
