package io.zrt.relay.watch;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.BsonDocument;

/**
 * Knows which change events are fully handled and yields the resume token up to which every event is: the
 * token may only move past an event once that event's frame is acknowledged and marked relayed.
 */
final class ResumeTracker {

    private final TreeMap<Long, Position> open = new TreeMap<>();
    private long nextTicket;
    private BsonDocument safeToken;
    private boolean changed;

    private static final class Position {
        final BsonDocument token;
        boolean done;

        Position(BsonDocument token) {
            this.token = token;
        }
    }

    /** Registers an event in arrival order and returns its ticket. */
    synchronized long register(BsonDocument token) {
        long ticket = nextTicket++;
        open.put(ticket, new Position(token));
        return ticket;
    }

    synchronized void complete(long ticket) {
        Position position = open.get(ticket);
        if (position == null) {
            return;
        }
        position.done = true;
        Iterator<Map.Entry<Long, Position>> oldestFirst = open.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Position oldest = oldestFirst.next().getValue();
            if (!oldest.done) {
                break;
            }
            safeToken = oldest.token;
            changed = true;
            oldestFirst.remove();
        }
    }

    /** The newest safe token if it moved since the last call. */
    synchronized Optional<BsonDocument> takeIfChanged() {
        if (!changed) {
            return Optional.empty();
        }
        changed = false;
        return Optional.of(safeToken);
    }
}
