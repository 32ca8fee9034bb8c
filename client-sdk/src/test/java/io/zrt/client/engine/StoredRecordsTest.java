package io.zrt.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.PrekeyBundle;
import io.zrt.client.SealerAccess;
import io.zrt.client.StateFormatException;
import io.zrt.client.StateKey;
import io.zrt.client.internal.Sealer;
import io.zrt.client.internal.StoredSession;
import io.zrt.client.storage.InMemorySessionStorage;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.StorageKey;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.x3dh.SignedPreKey;
import io.zrt.protocol.ChatMessage;
import io.zrt.protocol.Payload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshot and journal: a plain message rewrites only the small journal (its size does not grow with the
 * group), an operation rewrites the snapshot under a new generation, and reading back always gives the state the
 * session last had; a journal of another generation or group never counts.
 */
class StoredRecordsTest {

    private final OfflineGroup g = new OfflineGroup();
    private final Sealer sealer = SealerAccess.sealer(StateKey.generate("records", g.random));

    StoredRecordsTest() throws Exception {
    }

    private static List<Payload> chat(String text) {
        return List.of(Payload.newBuilder().setChat(ChatMessage.newBuilder().setText(text)).build());
    }

    @Test
    void plainMessagesWriteOnlyTheJournalAndOperationsTheSnapshot() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        String user = g.bobState.myUserId();
        String group = g.bobState.groupId().text();
        StoredSession store = StoredSession.create(storage, sealer, user, g.bobState);
        StorageKey snapshot = new StorageKey(user, group, RecordKind.SNAPSHOT);
        StorageKey journal = new StorageKey(user, group, RecordKind.JOURNAL);
        byte[] firstSnapshot = storage.read(snapshot);

        SessionState s = g.bobState;
        byte[] chat = g.aliceOps.plain(g.aliceState, chat("hello"), 2).frame();
        SessionState next = FrameProcessor.process(s, 1, chat, 3).state();
        assertThat(next.members()).isSameAs(s.members());
        store.save(s, next);
        assertThat(storage.read(snapshot)).isEqualTo(firstSnapshot);
        assertThat(storage.read(journal)).isNotNull();
        assertThat(StoredSession.load(storage, sealer, user, group).state().nextSeq()).isEqualTo(2);

        byte[] update = g.aliceOps.keyUpdate(g.aliceState, null, 4).frame();
        SessionState afterUpdate = FrameProcessor.process(next, 2, update, 5).state();
        store.save(next, afterUpdate);
        assertThat(storage.read(snapshot)).isNotEqualTo(firstSnapshot);
        assertThat(SealedFormat.generationOf(storage.read(snapshot)))
                .isGreaterThan(SealedFormat.generationOf(storage.read(journal)));
        SessionState loaded = StoredSession.load(storage, sealer, user, group).state();
        assertThat(StateCodec.encode(loaded)).isEqualTo(StateCodec.encode(afterUpdate));
    }

    @Test
    void theJournalOfAPlainMessageDoesNotGrowWithTheGroup() throws Exception {
        int small = journalBytes(2);
        int large = journalBytes(300);
        assertThat(large).isEqualTo(small);
        assertThat(small).isLessThan(200);
    }

    /** The journal written for one received plain message in a group of {@code members}. */
    private int journalBytes(int members) throws Exception {
        CortadoKeyPair owner = CortadoKeyPair.generate(g.random);
        List<PrekeyBundle> bundles = new ArrayList<>();
        for (int i = 1; i < members; i++) {
            CortadoKeyPair identity = CortadoKeyPair.generate(g.random);
            bundles.add(new PrekeyBundle(identity.publicKey(), SignedPreKey.create(identity,
                    CortadoKeyPair.generate(g.random), g.random)));
        }
        Creation.Created created = Creation.create(owner, "owner", "size", bundles, TreeWire.ART, g.random, 0);
        SessionState ownerState = created.state();
        Operations ownerOps = new Operations(owner, g.random);
        byte[] chat = ownerOps.plain(ownerState, chat("same text"), 1).frame();
        SessionState next = FrameProcessor.process(ownerState, 1, chat, 2).state();
        assertThat(next.epochPartDiffers(ownerState)).isFalse();
        return StateCodec.encodeJournal(next, 1).length;
    }

    @Test
    void journalsOfAnotherGenerationOrGroupAndForgedPendingIdsAreRefusedOrIgnored() throws Exception {
        SessionState s = g.bobState;
        byte[] snapshot = StateCodec.encodeSnapshot(s, 5);
        byte[] chat = g.aliceOps.plain(g.aliceState, chat("x"), 2).frame();
        SessionState next = FrameProcessor.process(s, 1, chat, 3).state();
        assertThat(StateCodec.decode(snapshot, StateCodec.encodeJournal(next, 5)).state().nextSeq()).isEqualTo(2);
        assertThat(StateCodec.decode(snapshot, StateCodec.encodeJournal(next, 4)).state().nextSeq()).isEqualTo(1);
        assertThatThrownBy(() -> StateCodec.decode(snapshot, StateCodec.encodeJournal(next, 6)))
                .isInstanceOf(StateFormatException.class);
        SessionState.Builder otherGroup = next.toBuilder();
        otherGroup.groupId = io.zrt.protocol.rules.GroupId.random(g.random);
        assertThatThrownBy(() -> StateCodec.decode(snapshot, StateCodec.encodeJournal(otherGroup.build(), 5)))
                .isInstanceOf(StateFormatException.class);
        // a pending operation whose stored id is not its frame's nonce
        Operations.Built built = g.bobOps.plain(s, chat("pending"), 4);
        byte[] encoded = StateCodec.encode(s.withPending(built.pending()));
        byte[] nonce = java.util.HexFormat.of().parseHex(built.pending().id());
        int at = indexOf(encoded, nonce);
        encoded[at] ^= 1;
        byte[] forged = encoded;
        assertThatThrownBy(() -> StateCodec.decode(forged)).isInstanceOf(StateFormatException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
