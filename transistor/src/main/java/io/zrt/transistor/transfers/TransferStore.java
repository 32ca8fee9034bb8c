package io.zrt.transistor.transfers;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code transfers} table. Every method is a single SQL statement, so each is atomic on its own. */
@Repository
public class TransferStore {

    private final JdbcClient jdbc;

    public TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a transfer; false when the id is already taken (by an unread or not-yet-swept transfer). */
    public boolean insert(UUID id, String data, Duration ttl) {
        return jdbc.sql("INSERT INTO transfers (id, data, expires_at) VALUES (?, ?, now() + make_interval(secs => ?)) "
                        + "ON CONFLICT (id) DO NOTHING")
                .params(id, data, ttl.toMillis() / 1000.0)
                .update() == 1;
    }

    /**
     * Reads and deletes in one statement: of any number of concurrent callers for the same id, exactly one gets
     * the data (PostgreSQL row locking makes the others see the row already gone).
     */
    public Optional<String> take(UUID id) {
        return jdbc.sql("DELETE FROM transfers WHERE id = ? AND expires_at > now() RETURNING data")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Deletes expired transfers; returns how many. */
    public int deleteExpired() {
        return jdbc.sql("DELETE FROM transfers WHERE expires_at <= now()").update();
    }
}
