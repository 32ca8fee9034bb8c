package io.zrt.relay.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.junit.jupiter.api.Test;

class ResumeTrackerTest {

    private static BsonDocument token(int n) {
        return new BsonDocument("n", new BsonInt32(n));
    }

    @Test
    void theTokenOnlyMovesPastEventsThatAreAllDone() {
        ResumeTracker tracker = new ResumeTracker();
        long a = tracker.register(token(1));
        long b = tracker.register(token(2));
        long c = tracker.register(token(3));
        assertThat(tracker.takeIfChanged()).isEmpty();

        tracker.complete(b); // out of order: a still open
        assertThat(tracker.takeIfChanged()).isEmpty();
        tracker.complete(a);
        assertThat(tracker.takeIfChanged()).contains(token(2));
        assertThat(tracker.takeIfChanged()).isEmpty(); // unchanged since
        tracker.complete(c);
        assertThat(tracker.takeIfChanged()).contains(token(3));
    }

    @Test
    void completingTwiceOrUnknownTicketsChangesNothing() {
        ResumeTracker tracker = new ResumeTracker();
        long a = tracker.register(token(1));
        tracker.complete(a);
        tracker.takeIfChanged();
        tracker.complete(a);
        tracker.complete(99);
        assertThat(tracker.takeIfChanged()).isEmpty();
    }
}
