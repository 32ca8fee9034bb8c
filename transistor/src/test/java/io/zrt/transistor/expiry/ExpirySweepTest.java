package io.zrt.transistor.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zrt.transistor.TransistorTestBase;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpirySweepTest extends TransistorTestBase {

    @Autowired
    ExpirySweeper sweeper;

    @Autowired
    MeterRegistry meters;

    @Test
    void sweepDeletesOnlyExpiredRowsAndTheirLargeObjects() throws Exception {
        sweeper.sweep(); // start from a clean slate
        UUID oldTransfer = UUID.randomUUID();
        UUID freshTransfer = UUID.randomUUID();
        UUID oldBlob = UUID.randomUUID();
        postTransfer(transferJson(oldTransfer, "old"));
        postTransfer(transferJson(freshTransfer, "fresh"));
        send(HttpRequest.newBuilder(uri("/transistor/v1/public/blobs/" + oldBlob))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        jdbc.sql("UPDATE transfers SET expires_at = now() - interval '1 minute' WHERE id = ?").param(oldTransfer)
                .update();
        jdbc.sql("UPDATE blobs SET expires_at = now() - interval '1 minute' WHERE id = ?").param(oldBlob).update();
        long objectsBefore = jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single();
        double expiredBefore = meters.counter("zrt.transistor.transfers.expired").count();

        assertThat(sweeper.sweep()).isEqualTo(2);

        assertThat(jdbc.sql("SELECT count(*) FROM transfers WHERE id = ?").param(oldTransfer).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM transfers WHERE id = ?").param(freshTransfer).query(Long.class)
                .single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_largeobject_metadata").query(Long.class).single())
                .isEqualTo(objectsBefore - 1);
        assertThat(meters.counter("zrt.transistor.transfers.expired").count()).isEqualTo(expiredBefore + 1);
        assertThat(sweeper.sweep()).as("nothing left to sweep").isZero();
        assertThat(getTransfer(freshTransfer.toString()).statusCode()).isEqualTo(200);
    }
}
