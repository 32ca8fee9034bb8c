package io.zrt.client.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSessionStorageTest {

    private static final String USER = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void recordsRoundTripReplaceAndDeleteAndListTheirGroups() throws Exception {
        FileSessionStorage storage = new FileSessionStorage(dir.resolve("nested/store"));
        String group = UUID.randomUUID().toString();
        StorageKey snapshot = new StorageKey(USER, group, RecordKind.SNAPSHOT);
        assertThat(storage.read(snapshot)).isNull();
        assertThat(storage.groups(USER)).isEmpty();
        storage.write(snapshot, new byte[] {1, 2, 3});
        storage.write(snapshot, new byte[] {4, 5});
        assertThat(storage.read(snapshot)).containsExactly(4, 5);
        assertThat(storage.groups(USER)).containsExactly(group);
        storage.delete(snapshot);
        assertThat(storage.read(snapshot)).isNull();
        assertThat(storage.groups(USER)).isEmpty();
    }

    @Test
    void aCrashedWriteLeavesTheOldRecordAndItsTemporaryFileIsIgnored() throws Exception {
        FileSessionStorage storage = new FileSessionStorage(dir);
        String group = UUID.randomUUID().toString();
        StorageKey journal = new StorageKey(USER, group, RecordKind.JOURNAL);
        storage.write(journal, new byte[] {7});
        assertThat(storage.groups(USER)).as("a journal alone is no session").isEmpty();
        storage.write(new StorageKey(USER, group, RecordKind.SNAPSHOT), new byte[] {6});
        // what a process killed between writing the temporary file and renaming it leaves behind
        Path groupDir = dir.resolve(USER).resolve(group);
        Files.write(groupDir.resolve("journal.rec.tmp-deadbeef"), new byte[] {8, 8, 8});
        assertThat(storage.read(journal)).containsExactly(7);
        assertThat(storage.groups(USER)).containsExactly(group);
        storage.write(journal, new byte[] {9});
        assertThat(storage.read(journal)).containsExactly(9);
    }

    @Test
    void recordsAreReadableByTheOwnerOnly() throws Exception {
        FileSessionStorage storage = new FileSessionStorage(dir.resolve("private"));
        String group = UUID.randomUUID().toString();
        storage.write(new StorageKey(USER, group, RecordKind.SNAPSHOT), new byte[] {1});
        Path file = dir.resolve("private").resolve(USER).resolve(group).resolve("snapshot.rec");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(Set.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
        }
    }

    @Test
    void keysThatCouldEscapeTheDirectoryAreRefused() {
        assertThatThrownBy(() -> new StorageKey("../" + USER.substring(3), UUID.randomUUID().toString(),
                RecordKind.SNAPSHOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorageKey(USER, "../../etc", RecordKind.SNAPSHOT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StorageKey(USER, UUID.randomUUID().toString().toUpperCase(),
                RecordKind.SNAPSHOT)).isInstanceOf(IllegalArgumentException.class);
    }
}
