package io.zrt.client.internal;

import io.zrt.client.GroupClosedException;
import io.zrt.client.GroupMessage;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.NodeRejectedException;
import io.zrt.client.Retries;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.client.ZrtException;
import io.zrt.crypto.art.ArtException;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mutable heart of a group session: one current {@link SessionState}, replaced only by a fully checked
 * successor. One lock serializes everything (sending, catching up, live frames), so frames are processed
 * strictly in sequence order and each is delivered to listeners exactly once.
 */
public final class SessionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEngine.class);
    private static final int PAGE = 200;
    private static final int MAX_BUFFERED = 1000;

    /** Builds a frame from the current state; called again after every conflict. */
    @FunctionalInterface
    public interface FrameBuilder {
        Operations.Built build(SessionState state) throws ZrtException, ArtException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final NodeApi node;
    private final Operations operations;
    private final Retries retries;
    private final Clock clock;
    private final List<Consumer<GroupMessage>> listeners = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, byte[]> pushed = new TreeMap<>();
    private volatile SessionState state;
    private volatile KeyUpdatePolicy policy;
    private FrameProcessor.OwnFrame pendingOwn;

    public SessionEngine(SessionState state, NodeApi node, Operations operations, Retries retries,
            KeyUpdatePolicy policy, Clock clock) {
        this.state = state;
        this.node = node;
        this.operations = operations;
        this.retries = retries;
        this.policy = policy;
        this.clock = clock;
    }

    public SessionState state() {
        return state;
    }

    /** The Node client this session reads and writes through. */
    public NodeApi node() {
        return node;
    }

    public Operations operations() {
        return operations;
    }

    public void policy(KeyUpdatePolicy policy) {
        this.policy = policy;
    }

    public KeyUpdatePolicy policy() {
        return policy;
    }

    public void addListener(Consumer<GroupMessage> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<GroupMessage> listener) {
        listeners.remove(listener);
    }

    /** Fetches and processes every frame after the current one. Returns the messages of the processed frames. */
    public List<GroupMessage> sync() throws ZrtException {
        lock.lock();
        try {
            List<GroupMessage> out = new ArrayList<>();
            while (readable()) {
                SessionState s = state;
                SPFrames page = node.frames(s.groupId(), s.nextSeq(), PAGE, s.epoch(), s.view().treeKey());
                for (SPFrame frame : page.getFramesList()) {
                    if (frame.getSeq() < state.nextSeq()) {
                        continue;
                    }
                    if (!readable()) {
                        break;
                    }
                    out.add(processOne(frame.getSeq(), frame.getFrame().toByteArray()));
                }
                if (!page.getHasMore() || page.getFramesCount() == 0) {
                    break;
                }
            }
            pushed.headMap(state.nextSeq()).clear();
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A frame from outside the fetch path (live push, or the application): processed now if it is the next one,
     * ignored if already processed, buffered if early (then the gap is fetched).
     */
    public List<GroupMessage> receive(long seq, byte[] frameBytes) throws ZrtException {
        lock.lock();
        try {
            if (seq < state.nextSeq() || !readable()) {
                return List.of();
            }
            if (pushed.size() < MAX_BUFFERED) {
                pushed.put(seq, frameBytes.clone());
            }
            List<GroupMessage> out = new ArrayList<>();
            drainBuffer(out);
            if (!pushed.isEmpty() && readable()) {
                out.addAll(sync());
                drainBuffer(out);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    private void drainBuffer(List<GroupMessage> out) throws ZrtException {
        while (readable() && pushed.containsKey(state.nextSeq())) {
            out.add(processOne(state.nextSeq(), pushed.remove(state.nextSeq())));
        }
        pushed.headMap(state.nextSeq()).clear();
    }

    /** Sends chat / CRDT payloads as a plain frame, preceded by a key update when the policy says so. */
    public long sendPlain(List<io.zrt.protocol.Payload> payloads) throws ZrtException {
        lock.lock();
        try {
            requireActive();
            SessionState s = state;
            if (policy.isDue(s.messagesSinceUpdate(), s.othersSpoke(), s.lastUpdateMillis(), clock.millis())) {
                submit(current -> operations.keyUpdate(current, null, clock.millis()));
            }
            return submit(current -> operations.plain(current, payloads, clock.millis()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Posts a frame built from the current state; on 409 (stale epoch, or a replayed nonce after a retried post)
     * catches up and builds it again, at most {@code conflictAttempts} times. Returns the frame's seq once the
     * frame has been processed through the log like every other frame.
     */
    public long submit(FrameBuilder builder) throws ZrtException {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                requireActive();
                Operations.Built built;
                try {
                    built = builder.build(state);
                } catch (ArtException e) {
                    throw new VerificationFailedException(Check.TREE, "operation does not fit the tree: "
                            + e.getMessage());
                }
                pendingOwn = built.own();
                try {
                    NodeApi.Posted posted = node.postFrame(state.groupId(), built.frame());
                    if (posted.seq() == state.nextSeq()) {
                        processOne(posted.seq(), built.frame());
                    } else {
                        sync();
                    }
                    if (state.nextSeq() <= posted.seq()) {
                        throw new VerificationFailedException(Check.SEQUENCE, "own frame " + posted.seq()
                                + " did not come back from the Node");
                    }
                    return posted.seq();
                } catch (NodeRejectedException e) {
                    boolean conflict = e.isEpochConflict() || "replayed_nonce".equals(e.code());
                    if (!conflict || attempt >= retries.conflictAttempts()) {
                        throw e;
                    }
                    LOG.debug("group {}: {} on attempt {}, catching up", state.groupId(), e.code(), attempt);
                    long before = state.nextSeq();
                    sync();
                    if ("replayed_nonce".equals(e.code()) && state.nextSeq() > before && ownProcessed) {
                        return state.nextSeq() - 1;
                    }
                } finally {
                    pendingOwn = null;
                    ownProcessed = false;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean ownProcessed;

    private GroupMessage processOne(long seq, byte[] frameBytes) throws ZrtException {
        FrameProcessor.Processed processed = FrameProcessor.process(state, seq, frameBytes, pendingOwn,
                clock.millis());
        if (pendingOwn != null && java.util.Arrays.equals(pendingOwn.frameBytes(), frameBytes)) {
            ownProcessed = true;
        }
        state = processed.state();
        for (Consumer<GroupMessage> listener : listeners) {
            try {
                listener.accept(processed.message());
            } catch (RuntimeException e) {
                LOG.warn("group {}: message listener failed: {}", state.groupId(), e.toString());
            }
        }
        return processed.message();
    }

    private boolean readable() {
        return state.status() == SessionState.Status.ACTIVE || state.status() == SessionState.Status.LEFT;
    }

    private void requireActive() throws GroupClosedException {
        if (state.status() != SessionState.Status.ACTIVE) {
            throw new GroupClosedException("this member can no longer act in the group: " + state.status());
        }
    }

    /** Replaces the state (restore); only before the session is shared. */
    void replace(SessionState next) {
        lock.lock();
        try {
            state = next;
        } finally {
            lock.unlock();
        }
    }

    public ReentrantLock lock() {
        return lock;
    }
}
