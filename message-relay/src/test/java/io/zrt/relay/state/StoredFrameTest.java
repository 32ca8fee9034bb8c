package io.zrt.relay.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class StoredFrameTest {

    private static final String GROUP = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static Document valid() {
        return new Document("_id", new ObjectId()).append("groupId", GROUP).append("seq", 5L).append("epoch", 2L)
                .append("op", "message").append("spFrame", new Binary(new byte[] {1, 2, 3}))
                .append("createdAt", new Date(1000)).append("relayed", false);
    }

    @Test
    void readsTheContractFields() throws Exception {
        StoredFrame frame = StoredFrame.fromDocument(valid());
        assertThat(frame.groupId()).isEqualTo(GROUP);
        assertThat(frame.seq()).isEqualTo(5);
        assertThat(frame.epoch()).isEqualTo(2);
        assertThat(frame.spFrame()).containsExactly(1, 2, 3);
        assertThat(frame.createdAt().toEpochMilli()).isEqualTo(1000);
        assertThat(frame.relayed()).isFalse();
        assertThat(frame.key()).isEqualTo(GROUP + ":5");
    }

    @Test
    void acceptsInt32Numbers() throws Exception {
        assertThat(StoredFrame.fromDocument(valid().append("seq", 5).append("epoch", 1)).seq()).isEqualTo(5);
    }

    @Test
    void rejectsEachMalformedFieldWithATypedError() {
        assertRejected(valid().append("groupId", GROUP.toUpperCase()));
        assertRejected(valid().append("groupId", "not-a-uuid"));
        assertRejected(valid().append("groupId", 7));
        assertRejected(valid().append("seq", -1L));
        assertRejected(valid().append("seq", "5"));
        assertRejected(valid().append("epoch", 1.5));
        assertRejected(valid().append("spFrame", "AQID"));
        assertRejected(valid().append("createdAt", 1000L));
        assertRejected(valid().append("relayed", "no"));
        Document noId = valid();
        noId.remove("_id");
        assertRejected(noId);
        Document noFrame = valid();
        noFrame.remove("spFrame");
        assertRejected(noFrame);
        assertThatThrownBy(() -> StoredFrame.fromDocument(null)).isInstanceOf(MalformedFrameException.class);
    }

    private static void assertRejected(Document document) {
        assertThatThrownBy(() -> StoredFrame.fromDocument(document)).isInstanceOf(MalformedFrameException.class);
    }
}
