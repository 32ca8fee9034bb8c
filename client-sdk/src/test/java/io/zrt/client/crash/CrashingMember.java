package io.zrt.client.crash;

import io.zrt.client.GroupSession;
import io.zrt.client.Identity;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.StateKey;
import io.zrt.client.StorageException;
import io.zrt.client.ZrtClient;
import io.zrt.client.storage.FileSessionStorage;
import io.zrt.client.storage.SessionStorage;
import io.zrt.client.storage.StorageKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The member that {@code CrashRecoveryTest} kills: a separate JVM that opens its session from a file store,
 * optionally arms its storage to stop dead at the n-th write from now (printing {@code BLOCKED} first, so the
 * parent can SIGKILL it exactly there), then performs one operation. It prints {@code READY} before the
 * operation and {@code DONE} after it, which a killed child never reaches.
 *
 * <p>Arguments: store directory, identity file (hex export), group id, Node URL, Transistor URL, operation
 * ({@code KEY_UPDATE}, {@code INVITE_UNIDENTIFIED}, {@code PLAIN}), the write to stop at (0 = none), the state
 * key file (hex; the identity export and the store are sealed under it).
 */
public final class CrashingMember {

    private CrashingMember() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        StateKey key = StateKey.of("crash-test", HexFormat.of().parseHex(Files.readString(Path.of(args[7])).trim()));
        Identity me = Identity.importFrom(HexFormat.of().parseHex(Files.readString(Path.of(args[1])).trim()),
                key);
        String group = args[2];
        int stopAtWrite = Integer.parseInt(args[6]);
        StoppingStorage storage = new StoppingStorage(new FileSessionStorage(dir));
        try (ZrtClient client = ZrtClient.builder().nodeUrl(args[3]).transistorUrl(args[4]).storage(storage)
                .stateKey(key).keyUpdatePolicy(KeyUpdatePolicy.manual()).build()) {
            GroupSession session = client.openSession(me, group);
            storage.stopAt(stopAtWrite);
            System.out.println("READY epoch " + session.epoch());
            switch (args[5]) {
                case "KEY_UPDATE" -> session.keyUpdate();
                case "INVITE_UNIDENTIFIED" -> session.inviteUnidentified();
                case "PLAIN" -> session.sendChat(CrashRecoveryTest.CHAT);
                default -> throw new IllegalArgumentException(args[5]);
            }
            System.out.println("DONE");
        }
        System.exit(0);
    }

    /** A storage that, once armed, never returns from its n-th write (the process is killed there). */
    static final class StoppingStorage implements SessionStorage {
        private final SessionStorage delegate;
        private final AtomicInteger writes = new AtomicInteger();
        private volatile int stopAt;

        StoppingStorage(SessionStorage delegate) {
            this.delegate = delegate;
        }

        void stopAt(int write) {
            writes.set(0);
            stopAt = write;
        }

        @Override
        public byte[] read(StorageKey key) throws StorageException {
            return delegate.read(key);
        }

        @Override
        public void write(StorageKey key, byte[] record) throws StorageException {
            int n = writes.incrementAndGet();
            if (stopAt > 0 && n == stopAt) {
                System.out.println("BLOCKED at write " + n + " (" + key.kind() + ")");
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // wait for the kill
                    }
                }
            }
            delegate.write(key, record);
        }

        @Override
        public void delete(StorageKey key) throws StorageException {
            delegate.delete(key);
        }

        @Override
        public List<String> groups(String userId) throws StorageException {
            return delegate.groups(userId);
        }
    }
}
