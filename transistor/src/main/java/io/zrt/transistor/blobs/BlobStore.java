package io.zrt.transistor.blobs;

import io.zrt.transistor.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blobs stored as PostgreSQL large objects, streamed in and out in chunks so that no blob is ever held in
 * memory as a whole. A row of {@code blobs} and its large object are created together and removed together,
 * always inside one transaction, so no large object is ever orphaned.
 */
@Repository
public class BlobStore {

    private static final int CHUNK = 64 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public BlobStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Receives the content once a blob was claimed; runs inside the claiming transaction. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open(long sizeBytes) throws IOException;
    }

    /**
     * Streams {@code content} into a new blob. Throws {@link ApiException} 409 if the id exists, and lets the
     * content stream's own exception (e.g. 413 from a size limit) through; either way nothing is stored.
     *
     * @return the number of bytes stored
     */
    public long put(UUID id, InputStream content, Duration ttl) {
        Long size = transactions.execute(status -> jdbc.execute((ConnectionCallback<Long>) connection -> {
            if (exists(connection, id)) {
                throw new DuplicateKeyException("blob " + id + " exists"); // before reading any content
            }
            LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            long oid = objects.createLO(LargeObjectManager.READWRITE);
            long written = 0;
            LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
            try {
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = readFully(content, buffer)) > 0) {
                    object.write(buffer, 0, n);
                    written += n;
                }
            } finally {
                object.close();
            }
            insertRow(connection, id, oid, written, ttl);
            return written;
        }));
        return size == null ? 0 : size;
    }

    /**
     * Claims blob {@code id} with one {@code DELETE ... RETURNING} (exactly one concurrent caller wins), streams
     * its content to {@code sink}, and removes the large object, all in one transaction. If streaming fails the
     * transaction rolls back and the blob stays readable: it counts as read only once fully delivered.
     *
     * @return false when there is no readable blob with that id
     */
    public boolean take(UUID id, Sink sink) {
        Boolean found = transactions.execute(status -> jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            long oid;
            long size;
            try (PreparedStatement claim = connection.prepareStatement(
                    "DELETE FROM blobs WHERE id = ? AND expires_at > now() RETURNING content_oid, size_bytes")) {
                claim.setObject(1, id);
                try (ResultSet row = claim.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    oid = row.getLong(1);
                    size = row.getLong(2);
                }
            }
            LargeObjectManager objects = connection.unwrap(PGConnection.class).getLargeObjectAPI();
            LargeObject object = objects.open(oid, LargeObjectManager.READ);
            try (OutputStream out = sink.open(size)) {
                byte[] buffer = new byte[CHUNK];
                int n;
                while ((n = object.read(buffer, 0, buffer.length)) > 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("blob delivery interrupted", e);
            } finally {
                object.close();
            }
            objects.delete(oid);
            return true;
        }));
        return Boolean.TRUE.equals(found);
    }

    /** Deletes expired blobs and their large objects in one statement; returns how many. */
    public int deleteExpired() {
        Integer count = jdbc.queryForObject("WITH gone AS (DELETE FROM blobs WHERE expires_at <= now() "
                + "RETURNING content_oid) SELECT count(lo_unlink(content_oid))::int FROM gone", Integer.class);
        return count == null ? 0 : count;
    }

    private static boolean exists(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM blobs WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insertRow(Connection connection, UUID id, long oid, long size, Duration ttl)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO blobs (id, content_oid, size_bytes, "
                + "expires_at) VALUES (?, ?, ?, now() + make_interval(secs => ?)) ON CONFLICT (id) DO NOTHING")) {
            insert.setObject(1, id);
            insert.setLong(2, oid);
            insert.setLong(3, size);
            insert.setDouble(4, ttl.toMillis() / 1000.0);
            if (insert.executeUpdate() == 0) {
                // rolls back the transaction, and with it the large object just written
                throw new DuplicateKeyException("blob " + id + " exists");
            }
        }
    }

    /** Fills {@code buffer} as far as the stream allows; returns 0 at end of stream. */
    private static int readFully(InputStream in, byte[] buffer) {
        try {
            int total = 0;
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("blob upload interrupted", e);
        }
    }
}
