package io.zrt.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.StateFormatException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateCodecTest {

    private final OfflineGroup g = new OfflineGroup();

    StateCodecTest() throws Exception {
    }

    @Test
    void roundTripKeepsEverySecretAndCounter() throws Exception {
        SessionState restored = StateCodec.decode(StateCodec.encode(g.bobState));
        assertThat(StateCodec.encode(restored)).isEqualTo(StateCodec.encode(g.bobState));
        assertThat(restored.view().treeKey()).isEqualTo(g.bobState.view().treeKey());
        assertThat(restored.stageKey().equalsSecret(g.bobState.stageKey())).isTrue();
        assertThat(restored.members()).isEqualTo(g.bobState.members());
        // the restored member still reads the group: process Alice's next message
        byte[] frame = g.aliceOps.plain(g.aliceState, java.util.List.of(), 5).frame();
        assertThat(FrameProcessor.process(restored, 1, frame, 0).state().nextSeq()).isEqualTo(2);
    }

    @Test
    void truncatedExtendedOrAlteredBytesAreRefused() {
        byte[] good = StateCodec.encode(g.bobState);
        for (int length : new int[] {0, 5, 6, 40, good.length - 1}) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> StateCodec.decode(cut)).isInstanceOf(StateFormatException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> StateCodec.decode(longer)).isInstanceOf(StateFormatException.class);
        byte[] version = good.clone();
        version[5] = 3;
        assertThatThrownBy(() -> StateCodec.decode(version)).isInstanceOf(StateFormatException.class);
        // a flipped bit in the first path secret no longer matches the tree's leaf key
        byte[] secret = good.clone();
        secret[48] ^= 1;
        assertThatThrownBy(() -> StateCodec.decode(secret)).isInstanceOf(StateFormatException.class);
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] mutated = good.clone();
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 << random.nextInt(8));
            try {
                StateCodec.decode(mutated);
            } catch (StateFormatException expected) {
                // typed refusal is the only acceptable failure
            }
        }
    }

    @Test
    void toStringRevealsNoSecret() {
        String text = g.bobState.toString();
        assertThat(text).doesNotContain(g.bobState.view().treeKey().toString());
        assertThat(text).contains("redacted");
    }
}
