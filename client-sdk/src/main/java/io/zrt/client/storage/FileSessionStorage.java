package io.zrt.client.storage;

import io.zrt.client.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Records as files: {@code <root>/<user id>/<group id>/<kind>.rec}. A write goes to a temporary file in the same
 * directory, which is forced to disk, atomically renamed over the record, and the directory is forced too; so
 * after a crash at any point the record is either the old one or the new one. Directories and files are created
 * readable by the owner only where the file system supports POSIX permissions (records hold secrets).
 */
public final class FileSessionStorage implements SessionStorage {

    private static final String SUFFIX = ".rec";
    private static final String TEMP_MARK = ".tmp-";

    private final Path root;
    private final SecureRandom random = new SecureRandom();

    public FileSessionStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public byte[] read(StorageKey key) throws StorageException {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StorageException("cannot read " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(StorageKey key, byte[] record) throws StorageException {
        Path target = file(key);
        Path dir = target.getParent();
        Path temp = dir.resolve(target.getFileName() + TEMP_MARK + HexFormat.of().formatHex(nonce()));
        try {
            createPrivateDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                restrict(temp);
                ByteBuffer buffer = ByteBuffer.wrap(record);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StorageException("the file system under " + root + " cannot rename atomically", e);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new StorageException("cannot write " + describe(key) + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file is ignored by every read
            }
        }
    }

    @Override
    public void delete(StorageKey key) throws StorageException {
        Path target = file(key);
        try {
            if (Files.deleteIfExists(target)) {
                forceDirectory(target.getParent());
            }
        } catch (IOException e) {
            throw new StorageException("cannot delete " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> groups(String userId) throws StorageException {
        StorageKey.requireUserId(userId);
        Path userDir = root.resolve(userId);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(userDir)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(userDir)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (StorageKey.isGroupId(name) && Files.exists(dir.resolve(fileName(RecordKind.SNAPSHOT)))) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list the groups of " + userId + ": " + e.getMessage(), e);
        }
        return out;
    }

    private Path file(StorageKey key) {
        return root.resolve(key.userId()).resolve(key.groupId()).resolve(fileName(key.kind()));
    }

    private static String fileName(RecordKind kind) {
        return kind.name().toLowerCase(Locale.ROOT) + SUFFIX;
    }

    private static String describe(StorageKey key) {
        return key.kind() + " of group " + key.groupId();
    }

    private byte[] nonce() {
        byte[] nonce = new byte[8];
        random.nextBytes(nonce);
        return nonce;
    }

    /** {@code dir} is {@code <root>/<user>/<group>}: creates what is missing, owner-only. */
    private void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            restrict(root);
        }
        for (Path path : List.of(dir.getParent(), dir)) {
            if (Files.isDirectory(path)) {
                continue;
            }
            try {
                Files.createDirectory(path);
                restrict(path);
                forceDirectory(path.getParent());
            } catch (FileAlreadyExistsException raced) {
                // another group's first write created it at the same moment
            }
        }
    }

    private static void restrict(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    /** Makes a rename or a new entry in {@code dir} durable (a no-op where directories cannot be opened). */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
                return; // Windows cannot open a directory as a channel; NTFS renames are journaled
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "FileSessionStorage[" + root + "]";
    }
}
