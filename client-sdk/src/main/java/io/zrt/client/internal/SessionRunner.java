package io.zrt.client.internal;

import io.zrt.client.FrameKind;
import io.zrt.client.GroupClosedException;
import io.zrt.client.GroupEvent;
import io.zrt.client.GroupMessage;
import io.zrt.client.GroupStatus;
import io.zrt.client.KeyUpdatePolicy;
import io.zrt.client.MessageListener;
import io.zrt.client.NetworkException;
import io.zrt.client.NodeRejectedException;
import io.zrt.client.NotPermittedException;
import io.zrt.client.Retries;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.client.ZrtException;
import io.zrt.client.engine.FrameProcessor;
import io.zrt.client.engine.InviteRecord;
import io.zrt.client.engine.Operations;
import io.zrt.client.engine.PendingOp;
import io.zrt.client.engine.Permissions;
import io.zrt.client.engine.SessionState;
import io.zrt.crypto.art.ArtException;
import io.zrt.protocol.Payload;
import io.zrt.protocol.SPFrame;
import io.zrt.protocol.SPFrames;
import io.zrt.protocol.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session at run time: the engine's current {@link SessionState} beside the transport. The lock guards only
 * state transitions and their durable write (check, process, save, swap); building and proving a frame, posting
 * it, fetching frames and calling listeners all happen outside it. So a 3 s proof or a slow network never blocks
 * live delivery, another send, or a read of the session.
 *
 * <p>Sending: build on a snapshot of the state (no lock), then under the lock check that the epoch is unchanged
 * and write the frame ahead as a pending operation (else rebuild), then post (no lock), then complete it when the
 * frame comes back through the log. Listener calls go through a serial executor per session, in the order the
 * state changed.
 */
public final class SessionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    private static final int PAGE = 500;
    private static final int MAX_BUFFERED = 1000;

    /** Builds a frame from a state; called again after every conflict. */
    @FunctionalInterface
    public interface FrameBuilder {
        Operations.Built build(SessionState state) throws ZrtException, ArtException;
    }

    /** A frame of this member that landed, as built. */
    public record Submitted(Operations.Built built, long seq) {
    }

    /** How one pending operation ended: landed at {@code seq}, or discarded (then {@code seq} is -1). */
    private record Outcome(boolean landed, long seq, String reason) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final NodeApi node;
    private final Operations operations;
    private final StoredSession store;
    private final Retries retries;
    private final Clock clock;
    private final LimitedExecutor inbox;
    private final LimitedExecutor outbox;
    private final Executor fetches;
    private final List<MessageListener> listeners = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, byte[]> pushed = new TreeMap<>();
    private final FrameWitness witness = new FrameWitness();
    /** Leaves this owner saw leave and has not finalized yet (in memory: a restart forgets them). */
    private final java.util.Set<Long> leavers = ConcurrentHashMap.newKeySet();
    private volatile boolean finalizeLeaves = true;
    private final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();
    /** Pending operations a thread of this process is posting right now (a flush leaves them to it). */
    private final java.util.Set<String> posting = ConcurrentHashMap.newKeySet();
    private volatile SessionState state;
    private volatile KeyUpdatePolicy policy;
    private volatile boolean closed;

    /**
     * @param lane    the SDK's bounded lane for CPU work: this session's live processing and listener calls
     * @param fetches the SDK's bounded lane for network work on behalf of live delivery (catch-ups, gap fetches),
     *                so that a slow read never holds up another session's deliveries
     */
    public SessionRunner(SessionState state, StoredSession store, NodeApi node, Operations operations,
            Retries retries, KeyUpdatePolicy policy, Clock clock, Executor lane, Executor fetches) {
        this.state = state;
        this.store = store;
        this.node = node;
        this.operations = operations;
        this.retries = retries;
        this.policy = policy;
        this.clock = clock;
        this.inbox = new LimitedExecutor(lane, 1);
        this.outbox = new LimitedExecutor(lane, 1);
        this.fetches = new LimitedExecutor(fetches, 1);
    }

    public SessionState state() {
        return state;
    }

    public Operations operations() {
        return operations;
    }

    public NodeApi node() {
        return node;
    }

    public Clock clock() {
        return clock;
    }

    public KeyUpdatePolicy policy() {
        return policy;
    }

    public void policy(KeyUpdatePolicy policy) {
        this.policy = policy;
    }

    /** Whether this session, when it is the owner's, finalizes other members' leaves by itself (default on). */
    public void finalizeLeaves(boolean enabled) {
        this.finalizeLeaves = enabled;
    }

    public void addListener(MessageListener listener) {
        listeners.add(listener);
    }

    public boolean removeListener(MessageListener listener) {
        return listeners.remove(listener);
    }

    /** Stops deliveries to listeners (the client is closing). */
    public void close() {
        closed = true;
    }

    /** A newer session took this one's records over (restored or joined again): it accepts no more changes. */
    public void retire() {
        store.retire();
        closed = true;
    }

    // ---- reading ----

    /**
     * Catches up on every frame after the current one, then re-posts this member's pending operations that can
     * still land (and, for a new member whose join did not land, announces it). Returns the messages of the
     * frames processed by this call.
     */
    public List<GroupMessage> sync() throws ZrtException {
        List<GroupMessage> out = catchUp();
        out.addAll(flushPending());
        SessionState s = state;
        if (s.status() == GroupStatus.ACTIVE && !s.joinAnnounced() && s.pending().isEmpty()) {
            announceJoin(s.joinName());
        }
        finalizeLeavers();
        return out;
    }

    /**
     * Owner: finalizes the leaf of every member seen leaving, so that the leaver stops holding the tree key of
     * its leave epoch (docs/client-sdk.md, "Leaves are finalized"). Runs after a sync and after live frames; a
     * failure leaves the leaf for the next time (a finalize whose outcome is unknown stays pending as usual).
     */
    public void finalizeLeavers() {
        for (Long leaf : List.copyOf(leavers)) {
            if (!finalizeLeaves || state.status() != GroupStatus.ACTIVE) {
                return;
            }
            try {
                // checked on the state each attempt is built on: someone else may have finalized it meanwhile
                submit(s -> {
                    Permissions.requireLeaving(s, leaf);
                    return operations.finalizeRemoval(s, leaf, clock.millis());
                });
                leavers.remove(leaf);
            } catch (NotPermittedException alreadyFinalized) {
                leavers.remove(leaf);
            } catch (ZrtException e) {
                LOG.debug("group {}: finalizing leaf {} failed, tried again later: {}", state.groupId(), leaf,
                        e.toString());
            }
        }
    }

    /** Fetches and processes frames until the Node has no more (no lock held while fetching). */
    public List<GroupMessage> catchUp() throws ZrtException {
        List<GroupMessage> out = new ArrayList<>();
        while (true) {
            SessionState s = state;
            if (!s.status().readable()) {
                break;
            }
            witness.requireNotHalted();
            SPFrames page = node.frames(s.groupId(), s.nextSeq(), PAGE, s.epoch(), s.view().treeKey());
            long before;
            lock.lock();
            try {
                before = state.nextSeq();
                for (SPFrame frame : page.getFramesList()) {
                    byte[] bytes = frame.getFrame().toByteArray();
                    if (frame.getSeq() < state.nextSeq()) {
                        witness.checkApplied(frame.getSeq(), bytes, "the Node's log");
                        continue;
                    }
                    if (frame.getSeq() > state.nextSeq() || !state.status().readable()) {
                        break;
                    }
                    witness.checkCopies(frame.getSeq(), pushed.get(frame.getSeq()), bytes,
                            "live push and the Node's log");
                    processOne(frame.getSeq(), bytes, out);
                }
                pushed.headMap(state.nextSeq()).clear();
                drainBuffer(out);
                if (state.nextSeq() == before && page.getFramesCount() > 0
                        && page.getFrames(0).getSeq() > before && state.status().readable()) {
                    throw new VerificationFailedException(Check.SEQUENCE, "the Node skipped seq " + before
                            + " (its page starts at " + page.getFrames(0).getSeq() + ")");
                }
            } finally {
                lock.unlock();
            }
            if (!page.getHasMore() || page.getFramesCount() == 0 || state.nextSeq() == before) {
                break;
            }
        }
        return out;
    }

    /**
     * A frame from outside the fetch path (live push, or the application): processed now if it is the next one,
     * ignored if already processed, buffered if early (then the gap is fetched).
     */
    public List<GroupMessage> receive(long seq, byte[] frameBytes) throws ZrtException {
        List<GroupMessage> out = new ArrayList<>();
        if (buffer(seq, frameBytes, out)) {
            out.addAll(catchUp());
        }
        return out;
    }

    /** Lock: buffers the frame and processes what is next; true if a gap before the buffered frames remains. */
    private boolean buffer(long seq, byte[] frameBytes, List<GroupMessage> out) throws ZrtException {
        lock.lock();
        try {
            if (seq < state.nextSeq()) {
                witness.checkApplied(seq, frameBytes, "live push");
                return false;
            }
            if (!state.status().readable()) {
                return false;
            }
            witness.checkCopies(seq, pushed.get(seq), frameBytes, "two live pushes");
            if (pushed.size() < MAX_BUFFERED) {
                pushed.put(seq, frameBytes.clone());
            }
            drainBuffer(out);
            return !pushed.isEmpty() && state.status().readable();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Live delivery: processed on this session's serial lane, never on the connection's thread; a gap is fetched
     * on the fetch lane, not here.
     */
    public void deliverLive(long seq, byte[] frameBytes) {
        inbox.execute(() -> {
            try {
                if (buffer(seq, frameBytes, new ArrayList<>())) {
                    catchUpLive();
                }
                if (!leavers.isEmpty() && finalizeLeaves) {
                    fetches.execute(this::finalizeLeavers);
                }
            } catch (ZrtException e) {
                reportError(e);
            }
        });
    }

    /** After a live (re)connect, or a gap in live delivery: catch up on the fetch lane. */
    public void catchUpLive() {
        fetches.execute(() -> {
            try {
                catchUp();
            } catch (ZrtException e) {
                reportError(e);
            }
        });
    }

    /** Reports a problem to every listener's {@code onError}, in order with the session's deliveries. */
    public void reportError(ZrtException error) {
        if (closed) {
            return;
        }
        outbox.execute(() -> listeners.forEach(l -> {
            try {
                l.onError(error);
            } catch (RuntimeException e) {
                LOG.warn("group {}: listener failed: {}", state.groupId(), e.toString());
            }
        }));
    }

    private void drainBuffer(List<GroupMessage> out) throws ZrtException {
        while (state.status().readable() && pushed.containsKey(state.nextSeq())) {
            processOne(state.nextSeq(), pushed.remove(state.nextSeq()), out);
        }
        pushed.headMap(state.nextSeq()).clear();
    }

    /** Lock held: processes the next frame, writes the new state, swaps it in, queues the deliveries. */
    private void processOne(long seq, byte[] frameBytes, List<GroupMessage> out) throws ZrtException {
        witness.requireNotHalted();
        FrameProcessor.Processed processed = FrameProcessor.process(state, seq, frameBytes, clock.millis());
        commit(processed.state(), processed.message(), processed.events());
        witness.applied(seq, frameBytes);
        if (processed.message() != null) { // a refused plain frame has none: it is an event
            out.add(processed.message());
        }
    }

    /** Lock held: the durable write first; only then the swap and the deliveries. */
    private void commit(SessionState next, GroupMessage message, List<GroupEvent> events) throws ZrtException {
        SessionState previous = state;
        store.save(previous, next);
        state = next;
        for (GroupEvent event : events) {
            if (event instanceof GroupEvent.MembershipChanged m
                    && m.change() == GroupEvent.MembershipChanged.Change.LEFT && next.isOwner()
                    && m.leaf() != next.myLeaf()) {
                leavers.add(m.leaf());
            } else if (event instanceof GroupEvent.OperationLanded landed) {
                complete(landed.operationId(), new Outcome(true, landed.seq(), ""));
            } else if (event instanceof GroupEvent.OperationDiscarded discarded) {
                complete(discarded.operationId(), new Outcome(false, -1, discarded.reason()));
            }
        }
        if (!closed && (message != null || !events.isEmpty()) && !listeners.isEmpty()) {
            // the listeners registered when the change happened; one removed meanwhile is skipped
            List<MessageListener> targets = List.copyOf(listeners);
            outbox.execute(() -> deliver(targets, message, events));
        }
    }

    private void complete(String id, Outcome outcome) {
        CompletableFuture<Outcome> future = outcomes.remove(id);
        if (future != null) {
            future.complete(outcome);
        }
    }

    private void deliver(List<MessageListener> targets, GroupMessage message, List<GroupEvent> events) {
        for (MessageListener listener : targets) {
            if (closed || !listeners.contains(listener)) {
                continue;
            }
            try {
                if (message != null) {
                    listener.onMessage(message);
                }
                events.forEach(listener::onEvent);
            } catch (RuntimeException e) {
                LOG.warn("group {}: listener failed: {}", state.groupId(), e.toString());
            }
        }
    }

    // ---- sending ----

    /** Sends chat / CRDT / action payloads as a plain frame, preceded by a key update when the policy says so. */
    public long sendPlain(List<Payload> payloads) throws ZrtException {
        requireActive(state);
        if (policy.kind() == KeyUpdatePolicy.Kind.AFTER_OTHERS_SPOKE && !state.othersSpoke()) {
            // judged on what the group said, not on what this client happened to fetch (docs/client-sdk.md);
            // a read that fails must not stop a send that could work, so it is then judged on what is known
            try {
                catchUp();
            } catch (NetworkException unreadable) {
                LOG.debug("group {}: catch-up before sending failed: {}", state.groupId(), unreadable.toString());
            }
        }
        SessionState s = state;
        requireActive(s);
        if (policy.isDue(s.messagesSinceUpdate(), s.othersSpoke(), s.lastUpdateMillis(), clock.millis())) {
            submit(current -> operations.keyUpdate(current, null, clock.millis()));
        }
        return submit(current -> operations.plain(current, payloads, clock.millis())).seq();
    }

    /** After joining: the key update that replaces the inviter-known leaf secret and announces this member. */
    public void announceJoin(String name) throws ZrtException {
        User me = User.newBuilder().setId(state.myUserId()).setName(name)
                .setIdentityKey(com.google.protobuf.ByteString.copyFrom(operations.identityKey())).build();
        submit(s -> operations.keyUpdate(s, me.toBuilder().setLeaf(Math.toIntExact(s.myLeaf())).build(),
                clock.millis()));
    }

    /**
     * Posts a frame built from the current state; on 409 (stale epoch) catches up and builds it again, at most
     * {@code conflictAttempts} times. Returns once the frame has been processed through the log like every other
     * frame. A network failure whose outcome stays unknown leaves the operation pending and is thrown.
     */
    public Submitted submit(FrameBuilder builder) throws ZrtException {
        flushPending();
        for (int attempt = 1; ; attempt++) {
            CallScope.checkCancelled();
            SessionState base = state;
            requireActive(base);
            Operations.Built built;
            try {
                built = builder.build(base);
            } catch (ArtException e) {
                // a local build, not a received frame: the application asked for something the tree refuses
                throw new NotPermittedException(NotPermittedException.Rule.NO_SUCH_LEAF,
                        "operation does not fit the tree: " + e.getMessage());
            }
            CompletableFuture<Outcome> outcome = enqueue(base, built.pending());
            Outcome result;
            if (outcome == null) {
                result = new Outcome(false, -1, "epoch moved while building");
            } else {
                try {
                    result = post(built.pending(), outcome);
                } catch (NodeRejectedException e) {
                    if (!e.isEpochConflict() || attempt >= retries.conflictAttempts()) {
                        throw e;
                    }
                    LOG.debug("group {}: {} on attempt {}, caught up", base.groupId(), e.code(), attempt);
                    continue;
                }
            }
            if (result.landed()) {
                return new Submitted(built, result.seq());
            }
            if (attempt >= retries.conflictAttempts()) {
                // nothing is pending: like the Node's own 409, the operation did not happen
                throw new NodeRejectedException(409, "stale_epoch", "the group moved on during each of "
                        + attempt + " attempts (" + result.reason() + ")", state.epoch());
            }
        }
    }

    /** Lock: if the epoch is still the one the frame was built on, writes it ahead as pending. */
    private CompletableFuture<Outcome> enqueue(SessionState base, PendingOp op) throws ZrtException {
        lock.lock();
        try {
            SessionState s = state;
            requireActive(s);
            if (s.epoch() != base.epoch()) {
                return null;
            }
            CompletableFuture<Outcome> outcome = new CompletableFuture<>();
            outcomes.put(op.id(), outcome);
            try {
                commit(s.withPending(op), null, List.of());
            } catch (ZrtException | RuntimeException e) {
                outcomes.remove(op.id());
                throw e;
            }
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Posts a pending operation (no lock) and settles it: landed (found in the log: processed at once when the
     * Node placed it next, else through a catch-up), discarded (refused, or another operation took its epoch),
     * or still pending (a network failure whose outcome is unknown, thrown).
     */
    private Outcome post(PendingOp op, CompletableFuture<Outcome> outcome) throws ZrtException {
        posting.add(op.id());
        try {
            return postOnce(op, outcome);
        } finally {
            posting.remove(op.id());
        }
    }

    private Outcome postOnce(PendingOp op, CompletableFuture<Outcome> outcome) throws ZrtException {
        try {
            CallScope.checkCancelled();
        } catch (NetworkException cancelled) {
            withdraw(op, "cancelled before it was posted");
            throw cancelled;
        }
        NodeApi.Posted posted;
        try {
            posted = node.postFrame(state.groupId(), op.frame());
        } catch (NodeRejectedException e) {
            if (e.status() >= 500 && e.status() != 503) {
                // A fault between here and the Node's store (a proxy, a crashed instance): outcome unknown.
                return unknownOutcome(op, outcome, new NetworkException("post answered " + e.getMessage(), e));
            }
            if (e.status() == 410) {
                // the group was dropped: the same answer as for a member that had already synced the drop
                withdraw(op, "refused by the Node: " + e.getMessage());
                catchUpQuietly();
                requireActive(state);
                throw e;
            }
            if ("replayed_nonce".equals(e.code())) {
                // An earlier attempt (whose answer got lost) stored it: find it in the log.
                catchUp();
                Outcome found = outcome.getNow(null);
                if (found != null) {
                    return found;
                }
                throw e;
            }
            withdraw(op, "refused by the Node: " + e.getMessage());
            if (e.isEpochConflict()) {
                catchUpQuietly();
            }
            throw e;
        } catch (NetworkException e) {
            return unknownOutcome(op, outcome, e);
        }
        lock.lock();
        try {
            if (state.pendingWithFrame(op.frame()) != null && posted.seq() == state.nextSeq()) {
                witness.checkCopies(posted.seq(), pushed.get(posted.seq()), op.frame(),
                        "live push and this member's own post");
                processOne(posted.seq(), op.frame(), new ArrayList<>());
            }
        } finally {
            lock.unlock();
        }
        Outcome found = outcome.getNow(null);
        if (found == null) {
            catchUp();
            found = outcome.getNow(null);
        }
        if (found == null || !found.landed()) {
            throw new VerificationFailedException(Check.SEQUENCE, "own frame " + posted.seq()
                    + " did not come back from the Node");
        }
        return found;
    }

    /** The frame may be stored. Look for it; it stays pending when that cannot be told either. */
    private Outcome unknownOutcome(PendingOp op, CompletableFuture<Outcome> outcome, NetworkException failure)
            throws NetworkException {
        CallScope.checkCancelled();
        catchUpQuietly();
        Outcome found = outcome.getNow(null);
        if (found != null) {
            return found;
        }
        LOG.debug("group {}: outcome of {} unknown, it stays pending", state.groupId(), op.id());
        throw failure;
    }

    /**
     * Re-posts (same bytes) every pending operation that can still land and that no thread is posting right
     * now, after catching up on what landed meanwhile; returns the messages processed on the way.
     */
    public List<GroupMessage> flushPending() throws ZrtException {
        List<GroupMessage> out = new ArrayList<>();
        if (state.pending().isEmpty()) {
            return out;
        }
        out.addAll(catchUp());
        for (PendingOp op : state.pending()) {
            if (state.pendingWithFrame(op.frame()) == null || posting.contains(op.id())) {
                continue;
            }
            CompletableFuture<Outcome> outcome = outcomes.computeIfAbsent(op.id(), id -> new CompletableFuture<>());
            try {
                post(op, outcome);
            } catch (NodeRejectedException | GroupClosedException refused) {
                LOG.debug("group {}: pending {} refused on re-post: {}", state.groupId(), op.id(),
                        refused.getMessage());
            }
        }
        return out;
    }

    /** Lock: drops a pending operation that was never stored (refused or never posted). */
    private void withdraw(PendingOp op, String reason) throws ZrtException {
        lock.lock();
        try {
            SessionState s = state;
            if (s.pendingWithFrame(op.frame()) != null) {
                commit(s.withoutPending(op.id()), null, List.of(new GroupEvent.OperationDiscarded(
                        s.groupId().text(), -1, op.id(), op.kind(), reason)));
            }
        } finally {
            lock.unlock();
        }
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (ZrtException e) {
            LOG.debug("group {}: catch-up failed: {}", state.groupId(), e.toString());
        }
    }

    /** Lock: records that an invite's sealed transfer is on Transistor. */
    public void markUploaded(InviteRecord record) throws ZrtException {
        lock.lock();
        try {
            commit(state.withInvite(record.markUploaded()), null, List.of());
        } finally {
            lock.unlock();
        }
    }

    /** The invite record {@code id}, landed ({@code state.invites}) or still in a pending add, or null. */
    public InviteRecord invite(String id) {
        for (InviteRecord r : state.invites()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    public static void requireActive(SessionState s) throws GroupClosedException {
        if (s.status() != GroupStatus.ACTIVE) {
            throw new GroupClosedException("this member can no longer act in the group: " + s.status());
        }
    }

    /** True while an operation of this kind is pending (for tests and diagnostics). */
    public boolean hasPending(FrameKind kind) {
        return state.pending().stream().anyMatch(op -> op.kind() == kind);
    }

    /** Test hook: waits until every delivery queued so far has reached the listeners. */
    public void awaitDeliveries() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        outbox.execute(() -> done.complete(null));
        try {
            done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
