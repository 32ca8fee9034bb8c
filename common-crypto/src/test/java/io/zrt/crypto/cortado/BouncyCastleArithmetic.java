package io.zrt.crypto.cortado;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Cortado arithmetic on BouncyCastle's generic prime-field curve. Results carry their BouncyCastle form as a
 * cache inside {@link CortadoPoint}, so chained operations do not convert back and forth.
 * Note: BouncyCastle's generic multipliers are not constant time (see docs/crypto.md).
 */
final class BouncyCastleArithmetic implements CurveArithmetic {

    private final ECCurve curve;
    private final ECPoint generator;
    private final FixedPointCombMultiplier fixedBase = new FixedPointCombMultiplier();

    BouncyCastleArithmetic(BigInteger a, BigInteger b, CortadoPoint g) {
        this.curve = new ECCurve.Fp(Fp.MODULUS, a, b, Scalar.ORDER, BigInteger.ONE);
        this.generator = toBc(g);
    }

    @Override
    public CortadoPoint add(CortadoPoint a, CortadoPoint b) {
        return fromBc(toBc(a).add(toBc(b)));
    }

    @Override
    public CortadoPoint multiply(CortadoPoint point, Scalar k) {
        return fromBc(toBc(point).multiply(k.toBigInteger()));
    }

    @Override
    public CortadoPoint multiplyGenerator(Scalar k) {
        return fromBc(fixedBase.multiply(generator, k.toBigInteger()));
    }

    @Override
    public CortadoPoint linearCombination(Scalar a, CortadoPoint p, Scalar b, CortadoPoint q) {
        return fromBc(ECAlgorithms.sumOfTwoMultiplies(toBc(p), a.toBigInteger(), toBc(q), b.toBigInteger()));
    }

    private ECPoint toBc(CortadoPoint point) {
        if (point.backendForm instanceof ECPoint cached && cached.getCurve() == curve) {
            return cached;
        }
        ECPoint converted = point.isInfinity()
                ? curve.getInfinity()
                : curve.createPoint(point.x().toBigInteger(), point.y().toBigInteger());
        point.backendForm = converted;
        return converted;
    }

    private static CortadoPoint fromBc(ECPoint point) {
        ECPoint normalized = point.normalize();
        if (normalized.isInfinity()) {
            return CortadoPoint.infinity();
        }
        CortadoPoint result = CortadoPoint.trustedAffine(
                Fp.of(normalized.getAffineXCoord().toBigInteger()),
                Fp.of(normalized.getAffineYCoord().toBigInteger()));
        result.backendForm = normalized;
        return result;
    }
}
