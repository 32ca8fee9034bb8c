package io.zrt.crypto.ristretto;

import java.util.HexFormat;

/** Curve and Ristretto constants (RFC 9496 section 4.1), as little-endian field elements. */
final class Constants {
    private Constants() {
    }

    /** Edwards d = -121665/121666. */
    static final long[] D = fe("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
    static final long[] D2 = fe("59f1b226949bd6eb56b183829a14e00030d1f3eef2808e19e7fcdf56dcd90624");
    static final long[] SQRT_M1 = fe("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");
    static final long[] SQRT_AD_MINUS_ONE = fe("1b2e7b49a0f6977ebd54781b0c8e9daffdd1f531c9fc3c0fac48832bbf316937");
    static final long[] INVSQRT_A_MINUS_D = fe("ea405d80aafdc899be72415a17162f9d40d801fe917bc216a2fcafcf05896c78");
    static final long[] ONE_MINUS_D_SQ = fe("76c15f94c1097ce20f355ecd38a1812ce4df70beddab9499d7e0b3b2a8729002");
    static final long[] D_MINUS_ONE_SQ = fe("204ded44aa5aad3199191eb02c4a9ed2eb4e9b522fd3dc4c41226cf67ab36859");
    /** Affine coordinates of the Ed25519 basepoint (y = 4/5, x even). */
    static final long[] BASE_X = fe("1ad5258f602d56c9b2a7259560c72c695cdcd6fd31e2a4c0fe536ecdd3366921");
    static final long[] BASE_Y = fe("5866666666666666666666666666666666666666666666666666666666666666");
    static final long[] ONE = {1, 0, 0, 0, 0};

    private static long[] fe(String hex) {
        long[] r = new long[5];
        FieldOps.fromBytes(r, 0, HexFormat.of().parseHex(hex), 0);
        return r;
    }
}
