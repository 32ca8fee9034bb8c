package io.zrt.crypto.cortado;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.Hex;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.Vectors;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CortadoVectorsTest {

    private static final JsonNode VECTORS = Vectors.load("cortado.json");

    @Test
    void specEncodingsOfGeneratorsAndAMultiple() throws Exception {
        assertThat(Hex.encode(Cortado.G.encode()))
                .isEqualTo("16f49c97f034ba3e83c994098c287bbc4731da0e1fc94150f6d2c463b8654e8b");
        assertThat(Hex.encode(Cortado.H.encode()))
                .isEqualTo("a8d1145c3d70034299fc44e15c274949198b814061742ae74e5d7a0592340402");
        assertThat(Hex.encode(Cortado.multiplyGenerator(Scalar.of(123456789)).encode()))
                .isEqualTo("ce69483f48946f4a636c38ee413ff80ff8aad66a49130c8c252c6912ac79f683");
    }

    @Test
    void generatorHasOrderR() {
        assertThat(Cortado.G.multiply(Scalar.of(Cortado.R.subtract(BigInteger.ONE))))
                .isEqualTo(Cortado.G.negate());
        assertThat(Cortado.G.multiply(Scalar.ZERO).isInfinity()).isTrue();
        assertThat(Cortado.R.isProbablePrime(64)).isTrue();
        assertThat(Cortado.P.isProbablePrime(64)).isTrue();
    }

    @Test
    void multiplesOfG() throws Exception {
        assertThat(VECTORS.get("multiples_of_G").size()).isGreaterThan(0);
        for (JsonNode v : VECTORS.get("multiples_of_G")) {
            Scalar k = Scalar.fromCanonicalBytes(Vectors.hex(v.get("scalar_hex")));
            CortadoPoint fixedBase = Cortado.multiplyGenerator(k);
            CortadoPoint variableBase = Cortado.G.multiply(k);
            assertThat(Hex.encode(fixedBase.encode())).isEqualTo(v.get("point_hex").asString());
            assertThat(variableBase).isEqualTo(fixedBase);
            assertThat(fixedBase.x().toBigInteger()).isEqualTo(new BigInteger(v.get("x_dec").asString()));
            assertThat(fixedBase.y().toBigInteger()).isEqualTo(new BigInteger(v.get("y_dec").asString()));
            CortadoPoint decoded = CortadoPoint.decode(Vectors.hex(v.get("point_hex")));
            assertThat(decoded).isEqualTo(fixedBase);
        }
    }

    @Test
    void additions() throws Exception {
        for (JsonNode v : VECTORS.get("additions")) {
            CortadoPoint a = CortadoPoint.decode(Vectors.hex(v.get("a_hex")));
            CortadoPoint b = CortadoPoint.decode(Vectors.hex(v.get("b_hex")));
            assertThat(Hex.encode(a.add(b).encode())).isEqualTo(v.get("sum_hex").asString());
            assertThat(Hex.encode(b.add(a).encode())).isEqualTo(v.get("sum_hex").asString());
        }
    }

    @Test
    void negations() throws Exception {
        for (JsonNode v : VECTORS.get("negations")) {
            CortadoPoint p = CortadoPoint.decode(Vectors.hex(v.get("point_hex")));
            assertThat(Hex.encode(p.negate().encode())).isEqualTo(v.get("negation_hex").asString());
            assertThat(p.add(p.negate()).isInfinity()).isTrue();
        }
    }

    @Test
    void invalidPointsAreRejected() {
        assertThat(VECTORS.get("invalid_points").size()).isGreaterThanOrEqualTo(8);
        for (JsonNode v : VECTORS.get("invalid_points")) {
            byte[] bytes = Vectors.hex(v.get("point_hex"));
            assertThatThrownBy(() -> CortadoPoint.decode(bytes))
                    .as(v.get("reason").asString())
                    .isInstanceOf(InvalidEncodingException.class);
        }
    }

    @Test
    void infinityHasOneEncodingAcceptedOnlyWhereAllowed() throws Exception {
        byte[] infinity = Hex.decode("0000000000000000000000000000000000000000000000000000000000000040");
        assertThat(CortadoPoint.decodeAllowingInfinity(infinity).isInfinity()).isTrue();
        assertThat(CortadoPoint.infinity().encode()).isEqualTo(infinity);
        assertThatThrownBy(() -> CortadoPoint.decode(infinity)).isInstanceOf(InvalidEncodingException.class);
        byte[] withSign = infinity.clone();
        withSign[31] |= (byte) 0x80;
        assertThatThrownBy(() -> CortadoPoint.decodeAllowingInfinity(withSign))
                .isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    void strayBitAndFlippedSignAreHandled() throws Exception {
        byte[] g = Cortado.G.encode();
        byte[] stray = g.clone();
        stray[31] |= 0x20;
        assertThatThrownBy(() -> CortadoPoint.decode(stray)).isInstanceOf(InvalidEncodingException.class);
        byte[] flipped = g.clone();
        flipped[31] ^= (byte) 0x80;
        assertThat(CortadoPoint.decode(flipped)).isEqualTo(Cortado.G.negate());
    }

    @Test
    void invalidScalarsAreRejected() {
        for (JsonNode v : VECTORS.get("invalid_scalars")) {
            byte[] bytes = Vectors.hex(v.get("scalar_hex"));
            assertThatThrownBy(() -> Scalar.fromCanonicalBytes(bytes))
                    .as(v.get("reason").asString())
                    .isInstanceOf(InvalidEncodingException.class);
        }
        assertThatThrownBy(() -> Scalar.fromCanonicalBytes(new byte[31])).isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> Scalar.fromCanonicalBytes(new byte[33])).isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    void iotaValues() throws Exception {
        assertThat(VECTORS.get("iota").size()).isGreaterThan(0);
        for (JsonNode v : VECTORS.get("iota")) {
            Scalar secret = Scalar.fromCanonicalBytes(Vectors.hex(v.get("secret_hex")));
            CortadoPoint pk = CortadoPoint.decode(Vectors.hex(v.get("public_hex")));
            // The file defines iota(k·Q); check the pairing both ways round is what the ART needs.
            Scalar iota = pk.multiply(secret).iota();
            assertThat(Hex.encode(iota.toBytes())).isEqualTo(v.get("iota_hex").asString());
        }
    }
}
