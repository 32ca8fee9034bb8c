package io.zrt.crypto.zk.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.zk.Generators;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every single byte of a (depth-0) branch proof altered: the result is always rejected. */
class BranchProofTamperingTest {

    @Test
    void everyAlteredByteIsRejected() throws Exception {
        BranchFixtures.Proved proved = BranchFixtures.keyUpdate(BranchFixtures.group(1, 51), BranchFixtures.ad(5), 52);
        byte[] good = proved.proof().encode();
        BranchVerifier.verify(proved.statement(), good);
        Generators.precompute(BranchCircuit.gateCount(0));
        Random rng = new Random(53);
        int decodedButFalse = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 + rng.nextInt(255));
            boolean decodes;
            try {
                BranchProof.decode(bad, 0);
                decodes = true;
            } catch (io.zrt.crypto.InvalidEncodingException e) {
                decodes = false;
            }
            if (decodes) {
                decodedButFalse++;
            }
            int position = i;
            assertThatThrownBy(() -> BranchVerifier.verify(proved.statement(), bad))
                    .as("byte %d", position).isInstanceOf(VerificationException.class);
        }
        // Many alterations decode (scalars, some points): those were rejected by the verification equation.
        assertThat(decodedButFalse).isGreaterThan(100);
    }
}
