package io.zrt.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zrt.client.engine.Creation;
import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.StateCodec;
import io.zrt.client.engine.TreeWire;
import io.zrt.client.storage.FileSessionStorage;
import io.zrt.client.storage.InMemorySessionStorage;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.StorageKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State at rest (issue 20): every record the client stores and every export is sealed under the application's
 * key, bound to its kind, user, group and generation. Any altered or missing byte, the wrong key, or a record moved
 * to another slot is refused with {@link StateFormatException} and changes nothing; unsealed version 1 records
 * are refused until migrated; a rotated key re-seals everything without loss. No network: the client's Node URL
 * is never called by what is tested here.
 */
class SealedStateTest {

    private static final String NO_NODE = "http://127.0.0.1:9";
    private final SecureRandom random = new SecureRandom();
    private final StateKey key = StateKey.generate("k1", random);
    private final Identity alice = Identity.generate();
    private final Identity bob = Identity.generate();

    SealedStateTest() {
    }

    private ZrtClient client(InMemorySessionStorage storage, StateKeys keys) {
        return ZrtClient.builder().nodeUrl(NO_NODE).storage(storage).stateKeys(keys)
                .retries(new Retries(1, java.time.Duration.ofMillis(1), 1)).build();
    }

    /** A real session of Alice's (owner of a group with an open invite for Bob), stored by a client. */
    private SessionState aliceState(String name) throws Exception {
        return Creation.create(alice.keyPair(), "Alice", name, List.of(bob.prekeyBundle()), TreeWire.ART, random, 0)
                .state();
    }

    @Test
    void storedRecordsAndExportsHoldNoSecretInTheClear() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            SessionState state = aliceState("clear");
            GroupSession session = client.restore(alice, client.export(state));
            byte[] snapshot = storage.read(new StorageKey(alice.userId(), session.groupId(), RecordKind.SNAPSHOT));
            byte[] export = session.serialize();
            for (byte[] record : List.of(snapshot, export)) {
                assertThat(IdentityTest.indexOf(record, state.stageKey().toByteArray())).isEqualTo(-1);
                assertThat(IdentityTest.indexOf(record, state.view().pathSecrets().get(0).toBytes())).isEqualTo(-1);
                assertThat(IdentityTest.indexOf(record, "Alice".getBytes())).as("names are secret too").isEqualTo(-1);
            }
        }
    }

    @Test
    void everyFlippedBitAndEveryTruncationOfAnExportIsRefusedAndChangesNothing() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            byte[] export = client.export(aliceState("flips"));
            for (int bit = 0; bit < export.length * 8; bit++) {
                byte[] flipped = export.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThatThrownBy(() -> client.restore(alice, flipped)).as("bit %d", bit)
                        .isInstanceOf(StateFormatException.class);
            }
            for (int length = 0; length < export.length; length++) {
                byte[] cut = Arrays.copyOf(export, length);
                assertThatThrownBy(() -> client.restore(alice, cut)).as("length %d", length)
                        .isInstanceOf(StateFormatException.class);
            }
            assertThat(storage.groups(alice.userId())).as("nothing was stored").isEmpty();
            assertThat(client.restore(alice, export).epoch()).isZero();
        }
    }

    @Test
    void theWrongKeyOrAnotherIdentityIsRefusedAndChangesNothing() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        byte[] export;
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            export = client.export(aliceState("wrong key"));
            assertThatThrownBy(() -> client.restore(bob, export)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("another identity");
        }
        try (ZrtClient other = client(storage, StateKeys.of(StateKey.generate("k1", random)))) {
            assertThatThrownBy(() -> other.restore(alice, export)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("does not open");
        }
        try (ZrtClient ephemeral = ZrtClient.builder().nodeUrl(NO_NODE).build()) {
            assertThatThrownBy(() -> ephemeral.restore(alice, export)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("do not hold");
        }
        assertThat(storage.groups(alice.userId())).isEmpty();
    }

    @Test
    void everyFlippedBitAndEveryTruncationOfAStoredRecordIsRefused() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        String group;
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            GroupSession session = client.restore(alice, client.export(aliceState("stored")));
            group = session.groupId();
            // no Node answers: the rename stays a pending operation, written ahead into the journal
            assertThatThrownBy(() -> session.renameGroup("renamed")).isInstanceOf(NetworkException.class);
        }
        StorageKey snapshotKey = new StorageKey(alice.userId(), group, RecordKind.SNAPSHOT);
        StorageKey journalKey = new StorageKey(alice.userId(), group, RecordKind.JOURNAL);
        assertThat(storage.read(journalKey)).as("a journal was written").isNotNull();
        for (StorageKey slot : List.of(snapshotKey, journalKey)) {
            byte[] good = storage.read(slot);
            try (ZrtClient client = client(storage, StateKeys.of(key))) {
                for (int bit = 0; bit < good.length * 8; bit++) {
                    byte[] flipped = good.clone();
                    flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                    storage.write(slot, flipped);
                    assertThatThrownBy(() -> client.openSession(alice, group)).as("%s bit %d", slot.kind(), bit)
                            .isInstanceOf(StateFormatException.class);
                }
                for (int length = 0; length < good.length; length++) {
                    storage.write(slot, Arrays.copyOf(good, length));
                    assertThatThrownBy(() -> client.openSession(alice, group)).as("%s length %d", slot.kind(),
                            length).isInstanceOf(StateFormatException.class);
                }
                storage.write(slot, good);
                assertThat(client.openSession(alice, group).pendingOperations()).hasSize(1);
            }
        }
    }

    @Test
    void recordsMovedToAnotherSlotDoNotOpen() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        String first;
        String second;
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            first = client.restore(alice, client.export(aliceState("first"))).groupId();
            second = client.restore(alice, client.export(aliceState("second"))).groupId();
        }
        byte[] firstSnapshot = storage.read(new StorageKey(alice.userId(), first, RecordKind.SNAPSHOT));
        // another group's snapshot, a snapshot in the journal's slot, and another user's slot
        storage.write(new StorageKey(alice.userId(), second, RecordKind.SNAPSHOT), firstSnapshot);
        storage.write(new StorageKey(alice.userId(), first, RecordKind.JOURNAL), firstSnapshot);
        storage.write(new StorageKey(bob.userId(), first, RecordKind.SNAPSHOT), firstSnapshot);
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            assertThatThrownBy(() -> client.openSession(alice, second)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("another group");
            assertThatThrownBy(() -> client.openSession(alice, first)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("not a JOURNAL");
            assertThatThrownBy(() -> client.openSession(bob, first)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("another identity");
        }
        // the header rewritten to name the slot it was moved to: the tag covers the header, so it does not open
        byte[] edited = firstSnapshot.clone();
        byte[] secondId = io.zrt.protocol.rules.GroupId.parse(second).toBytes();
        System.arraycopy(secondId, 0, edited, 7 + 2 + 8 + 16, 16);
        storage.write(new StorageKey(alice.userId(), second, RecordKind.SNAPSHOT), edited);
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            assertThatThrownBy(() -> client.openSession(alice, second)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("does not open");
        }
    }

    @Test
    void aRotatedKeyOpensOldRecordsAndResealingRetiresTheOldKey(@TempDir Path dir) throws Exception {
        StateKey next = StateKey.generate("k2", random);
        FileSessionStorage files = new FileSessionStorage(dir);
        Map<String, String> names = new HashMap<>();
        try (ZrtClient client = ZrtClient.builder().nodeUrl(NO_NODE).storage(files).stateKey(key).build()) {
            for (String name : List.of("one", "two")) {
                names.put(client.restore(alice, client.export(aliceState(name))).groupId(), name);
            }
        }
        try (ZrtClient newKeyOnly = ZrtClient.builder().nodeUrl(NO_NODE).storage(files).stateKey(next).build()) {
            String group = names.keySet().iterator().next();
            assertThatThrownBy(() -> newKeyOnly.openSession(alice, group)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("'k1'");
        }
        try (ZrtClient rotating = ZrtClient.builder().nodeUrl(NO_NODE).storage(files)
                .stateKeys(StateKeys.of(next, key)).build()) {
            assertThat(rotating.resealStoredSessions(alice)).isEqualTo(2);
            assertThat(rotating.resealStoredSessions(alice)).as("idempotent").isZero();
            GroupSession open = rotating.openSession(alice, names.keySet().iterator().next());
            assertThatThrownBy(() -> rotating.resealStoredSessions(alice)).isInstanceOf(IllegalStateException.class);
            assertThat(open.status()).isEqualTo(GroupStatus.ACTIVE);
        }
        try (ZrtClient newKeyOnly = ZrtClient.builder().nodeUrl(NO_NODE).storage(files).stateKey(next).build()) {
            for (Map.Entry<String, String> group : names.entrySet()) {
                assertThat(newKeyOnly.openSession(alice, group.getKey()).groupName()).isEqualTo(group.getValue());
            }
        }
    }

    @Test
    void unsealedVersion1RecordsAreRefusedUntilMigrated() throws Exception {
        InMemorySessionStorage storage = new InMemorySessionStorage();
        SessionState state = aliceState("version 1");
        String group = state.groupId().text();
        // what the SDK wrote before sealing: StateCodec's records as they are, generation 3 and its journal
        storage.write(new StorageKey(alice.userId(), group, RecordKind.SNAPSHOT), StateCodec.encodeSnapshot(state, 3));
        storage.write(new StorageKey(alice.userId(), group, RecordKind.JOURNAL), StateCodec.encodeJournal(state, 3));
        byte[] v1Export = StateCodec.encode(state);
        try (ZrtClient client = client(storage, StateKeys.of(key))) {
            assertThatThrownBy(() -> client.openSession(alice, group)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("version 1");
            assertThatThrownBy(() -> client.restore(alice, v1Export)).isInstanceOf(StateFormatException.class)
                    .hasMessageContaining("version 1");
            assertThat(client.resealStoredSessions(alice)).isEqualTo(2);
            GroupSession migrated = client.openSession(alice, group);
            assertThat(migrated.groupName()).isEqualTo("version 1");
            assertThat(migrated.epoch()).isEqualTo(state.epoch());
        }
        try (ZrtClient client = client(new InMemorySessionStorage(), StateKeys.of(key))) {
            byte[] sealed = StateMigration.sealSessionExport(v1Export, alice, key);
            assertThat(client.restore(alice, sealed).groupName()).isEqualTo("version 1");
            assertThatThrownBy(() -> StateMigration.sealSessionExport(v1Export, bob, key))
                    .isInstanceOf(StateFormatException.class);
        }
    }

    @Test
    void aStorageWithoutStateKeysIsAMistakeAtBuildTime() {
        assertThatThrownBy(() -> ZrtClient.builder().nodeUrl(NO_NODE).storage(new InMemorySessionStorage()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stateKeys");
        assertThatThrownBy(() -> StateKey.of("k", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateKey.of("no spaces", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateKeys.of(key, key)).isInstanceOf(IllegalArgumentException.class);
    }
}
