package io.zrt.crypto.cortado;

import static io.zrt.crypto.FuzzSupport.decodeOrReject;
import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.crypto.FuzzSupport;
import io.zrt.crypto.Hex;
import io.zrt.crypto.InvalidEncodingException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 100,000+ inputs per decoder, half random and half mutations of valid encodings. Strict decoding means
 * every accepted input is the unique canonical encoding of its value, so re-encoding must give it back.
 */
class CortadoDecodingFuzzTest {

    private static final int CASES = 100_000;

    @Test
    void pointDecodingAcceptsOnlyCanonicalEncodingsAndThrowsOnlyTypedExceptions() {
        long seed = FuzzSupport.seed(0xC0A7AD0L);
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> valid = validPointEncodings(random, 16);
        int accepted = 0;
        int acceptedMutations = 0;
        for (int i = 0; i < CASES; i++) {
            boolean mutation = (i & 1) == 1;
            byte[] input = mutation
                    ? FuzzSupport.mutate(random, valid.get(random.nextInt(valid.size())))
                    : FuzzSupport.randomInput(random, CortadoPoint.ENCODED_LENGTH);
            CortadoPoint point = decodeOrReject(CortadoPoint::decodeAllowingInfinity, input,
                    InvalidEncodingException.class, seed, i);
            if (point != null) {
                accepted++;
                acceptedMutations += mutation ? 1 : 0;
                assertThat(Hex.encode(point.encode())).as("seed %d case %d", seed, i).isEqualTo(Hex.encode(input));
                if (!point.isInfinity()) {
                    assertThat(point.y().square()).isEqualTo(Cortado.curveEquationRhs(point.x()));
                }
            }
        }
        // Sanity that the fuzzer explores both outcomes (a decoder that rejects everything would pass otherwise).
        assertThat(accepted).isGreaterThan(CASES / 100);
        assertThat(acceptedMutations).isGreaterThan(CASES / 100);
        assertThat(accepted).isLessThan(CASES / 2);
    }

    @Test
    void scalarDecodingAcceptsOnlyValuesBelowR() {
        long seed = FuzzSupport.seed(0x5CA1A7L);
        SplittableRandom random = new SplittableRandom(seed);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = (i & 1) == 1
                    ? FuzzSupport.mutate(random, Scalar.reduce(new BigInteger(256, new Random(random.nextLong()))).toBytes())
                    : FuzzSupport.randomInput(random, Scalar.ENCODED_LENGTH);
            Scalar s = decodeOrReject(Scalar::fromCanonicalBytes, input, InvalidEncodingException.class, seed, i);
            if (s != null) {
                accepted++;
                assertThat(s.toBytes()).isEqualTo(input);
                assertThat(s.toBigInteger()).isLessThan(Cortado.R);
            }
        }
        assertThat(accepted).isBetween(CASES / 50, CASES - CASES / 50);
    }

    private static List<byte[]> validPointEncodings(SplittableRandom random, int count) {
        List<byte[]> out = new ArrayList<>();
        out.add(CortadoPoint.infinity().encode());
        out.add(Cortado.G.encode());
        out.add(Cortado.H.encode());
        while (out.size() < count) {
            out.add(Cortado.multiplyGenerator(Scalar.of(random.nextLong(1, Long.MAX_VALUE))).encode());
        }
        return out;
    }
}
