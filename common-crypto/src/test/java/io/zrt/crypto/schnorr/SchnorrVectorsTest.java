package io.zrt.crypto.schnorr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.Hex;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.Vectors;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SchnorrVectorsTest {

    private static final JsonNode CASES = Vectors.load("schnorr.json").get("cases");

    @Test
    void validVectorsAreReproducedByteForByteAndVerify() throws Exception {
        int valid = 0;
        for (JsonNode c : CASES) {
            if (!c.get("valid").asBoolean()) {
                continue;
            }
            byte[] message = Vectors.hex(c.get("message_hex"));
            List<Scalar> secrets = scalars(c.get("secret_keys_hex"));
            List<Scalar> nonces = scalars(c.get("nonces_hex"));
            List<CortadoPoint> publicKeys = points(c.get("public_keys_hex"));
            for (int i = 0; i < secrets.size(); i++) {
                assertThat(Cortado.multiplyGenerator(secrets.get(i))).isEqualTo(publicKeys.get(i));
            }
            byte[] signature = Schnorr.signWithNonces(message, secrets, nonces);
            assertThat(Hex.encode(signature)).isEqualTo(c.get("signature_hex").asString());
            assertThatCode(() -> Schnorr.verify(message, publicKeys, signature)).doesNotThrowAnyException();
            valid++;
        }
        assertThat(valid).isEqualTo(4);
    }

    @Test
    void everyAlteredVectorIsRejected() throws Exception {
        int invalid = 0;
        for (JsonNode c : CASES) {
            if (c.get("valid").asBoolean()) {
                continue;
            }
            byte[] message = Vectors.hex(c.get("message_hex"));
            List<CortadoPoint> publicKeys = points(c.get("public_keys_hex"));
            byte[] signature = Vectors.hex(c.get("signature_hex"));
            assertThatThrownBy(() -> Schnorr.verify(message, publicKeys, signature))
                    .as(c.get("case").asString())
                    .isInstanceOf(VerificationException.class);
            invalid++;
        }
        assertThat(invalid).isEqualTo(CASES.size() - 4);
    }

    private static List<Scalar> scalars(JsonNode array) throws Exception {
        List<Scalar> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(Scalar.fromCanonicalBytes(Vectors.hex(n)));
        }
        return out;
    }

    private static List<CortadoPoint> points(JsonNode array) throws Exception {
        List<CortadoPoint> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(CortadoPoint.decode(Vectors.hex(n)));
        }
        return out;
    }
}
