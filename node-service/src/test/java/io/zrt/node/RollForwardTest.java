package io.zrt.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.zrt.node.storage.FrameLog;
import io.zrt.node.storage.StoredFrame;
import io.zrt.node.support.GroupDriver;
import io.zrt.node.support.NodeClient;
import io.zrt.node.support.NodeTestBase;
import io.zrt.protocol.Frame;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.rules.FrameParser;
import io.zrt.protocol.rules.ParsedFrame;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crash between "append to the log" and "update the snapshot" is simulated by appending a frame through
 * the FrameLog bean directly (the test hook), leaving groups and trees untouched. The next request must roll
 * the snapshot forward before it validates anything.
 */
class RollForwardTest extends NodeTestBase {

    @Autowired
    FrameLog frameLog;

    private void appendWithoutSnapshot(GroupDriver g, GroupDriver.Pending pending, long seq, long epoch) throws Exception {
        ParsedFrame parsed = FrameParser.parse(pending.bytes());
        byte[] sp = SPFrame.newBuilder().setSeq(seq).setCreated(Instant.now().toEpochMilli())
                .setFrame(Frame.parseFrom(pending.bytes())).build().toByteArray();
        frameLog.insert(new StoredFrame(g.id().text(), seq, epoch, parsed.kind().wireName(), parsed.nonce(),
                pending.bytes(), sp, Instant.now(), false));
    }

    @Test
    void aLoggedOperationWithoutItsSnapshotIsRolledForwardByTheNextWriter() throws Exception {
        GroupDriver g = GroupDriver.create();
        accepted(g, g.init());
        GroupDriver.Pending add = g.addMember();
        appendWithoutSnapshot(g, add, 1, 1); // "crash": no tree for epoch 1, snapshot still at epoch 0
        g.accept(add);
        Document before = stored.database().getCollection("groups").find(new Document("_id", g.id().text())).first();
        assertThat(before.getLong("epoch")).isZero();
        assertThat(stored.database().getCollection("trees").countDocuments(new Document("groupId", g.id().text())))
                .isEqualTo(1);

        // A plain frame of epoch 1 is valid only once the snapshot has been rolled forward over the add.
        NodeClient.Response r = accepted(g, g.plain());
        assertThat(r.json().path("seq").asLong()).isEqualTo(2);
        assertThat(r.json().path("epoch").asLong()).isEqualTo(1);
        Document after = stored.database().getCollection("groups").find(new Document("_id", g.id().text())).first();
        assertThat(after.getLong("epoch")).isEqualTo(1);
        assertThat(after.getLong("lastSeq")).isEqualTo(2);
        assertThat(stored.database().getCollection("trees").countDocuments(new Document("groupId", g.id().text())))
                .isEqualTo(2);
    }

    @Test
    void anInitFrameWithoutAnySnapshotIsRolledForwardByAReader() throws Exception {
        GroupDriver g = GroupDriver.create();
        GroupDriver.Pending init = g.init();
        appendWithoutSnapshot(g, init, 0, 0); // "crash" right after the init frame was logged
        g.accept(init);
        assertThat(stored.database().getCollection("groups").countDocuments(new Document("_id", g.id().text())))
                .isZero();

        NodeClient.Response status = client.get("/v1/group/" + g.id().text() + "/status");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(stored.database().getCollection("groups").countDocuments(new Document("_id", g.id().text())))
                .isEqualTo(1);
        assertThat(accepted(g, g.plain()).json().path("seq").asLong()).isEqualTo(1);
    }
}
