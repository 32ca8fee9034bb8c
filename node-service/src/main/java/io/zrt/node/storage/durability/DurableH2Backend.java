package io.zrt.node.storage.durability;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with acknowledged writes on disk. The stock backend opens its MVStore with
 * auto-commit, which writes changes to the file about once a second in the background, so the server
 * acknowledges writes that a crash then loses (a {@code kill -9} right after a 201 lost the frame and let the
 * Node give its seq to another frame). Here auto-commit is off and every write command commits (and, by
 * default, forces the file to the disk) before its answer is sent; concurrent writers share commits.
 */
public final class DurableH2Backend extends H2Backend {

    /** Commands that change data; anything else (reads, cursors, hello, ping) needs no commit. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    private final GroupCommit commits;

    private DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.commits = new GroupCommit(() -> {
            store.commit();
            if (fsync) {
                store.sync();
            }
        });
    }

    /** Opens (or creates) the store file with auto-commit disabled. */
    public static DurableH2Backend open(String fileName, boolean fsync) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().open();
        return new DurableH2Backend(store, fsync);
    }

    /** Every command of a current driver arrives as an OP_MSG, whose first key names the command. */
    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return super.handleMessage(message);
        } finally {
            // Also after a failed write: part of a multi-document write may have been applied.
            if (isWrite(message.getDocument())) {
                commits.awaitDurable();
            }
        }
    }

    private static boolean isWrite(Document command) {
        return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next().toLowerCase(Locale.ROOT));
    }
}
