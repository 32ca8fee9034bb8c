package io.zrt.client;

import io.zrt.client.engine.Creation;
import io.zrt.client.engine.Invites;
import io.zrt.client.engine.Joining;
import io.zrt.client.engine.Operations;
import io.zrt.client.engine.SealedFormat;
import io.zrt.client.engine.SessionState;
import io.zrt.client.engine.TreeWire;
import io.zrt.client.internal.CallScope;
import io.zrt.client.internal.Http;
import io.zrt.client.internal.LimitedExecutor;
import io.zrt.client.internal.LiveHub;
import io.zrt.client.internal.NodeApi;
import io.zrt.client.internal.SessionRunner;
import io.zrt.client.internal.StoredSession;
import io.zrt.client.internal.TrackedExecutor;
import io.zrt.client.internal.TransistorApi;
import io.zrt.client.storage.InMemorySessionStorage;
import io.zrt.client.storage.RecordKind;
import io.zrt.client.storage.SessionStorage;
import io.zrt.client.storage.StorageKey;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.art.ArtException;
import io.zrt.crypto.art.MemberView;
import io.zrt.protocol.SPFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * Entry point of the SDK: one immutable, thread-safe client per application, built once with {@link #builder()},
 * that creates, joins, opens and restores {@link GroupSession}s. Every session's state lives in the client's
 * {@link SessionStorage}; {@link #openSession} continues one after a restart. {@link #close()} cancels live
 * connections and waits for the SDK's threads.
 */
public final class ZrtClient implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Catch-ups on behalf of live delivery running at once (network-bound: after a reconnect of 100 groups). */
    private static final int FETCH_THREADS = 8;

    private final Http http;
    private final NodeApi node;
    private final TransistorApi transistor;
    private final String centrifugoUrl;
    private final Retries retries;
    private final KeyUpdatePolicy defaultPolicy;
    private final SessionStorage storage;
    private final StateSealer sealer;
    private final TrackedExecutor executor;
    private final LimitedExecutor lane;
    private final LimitedExecutor fetchLane;
    private final ScheduledExecutorService timer;
    private final SecureRandom random;
    private final Clock clock;
    private final boolean finalizeLeaves;
    private final Map<String, GroupSession> open = new ConcurrentHashMap<>();
    private volatile LiveHub live;

    private ZrtClient(Builder b) {
        this.http = new Http(b.okHttpClient, b.timeouts, b.retries);
        this.node = new NodeApi(http, b.nodeUrl);
        this.transistor = b.transistorUrl == null ? null : new TransistorApi(http, b.transistorUrl);
        this.centrifugoUrl = b.centrifugoUrl;
        this.retries = b.retries;
        this.defaultPolicy = b.keyUpdatePolicy;
        this.storage = b.storage != null ? b.storage : new InMemorySessionStorage();
        this.random = b.random != null ? b.random : new SecureRandom();
        this.sealer = b.stateKeys != null ? new StateSealer(b.stateKeys, random) : StateSealer.ephemeral(random);
        this.clock = b.clock;
        this.finalizeLeaves = b.finalizeLeaves;
        ExecutorService own = b.executor == null ? Executors.newCachedThreadPool(daemon("zrt-client")) : null;
        this.executor = new TrackedExecutor(b.executor != null ? b.executor : own, own != null);
        this.lane = new LimitedExecutor(executor, b.deliveryThreads);
        this.fetchLane = new LimitedExecutor(executor, FETCH_THREADS);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("zrt-live-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- creating and joining ----

    /** Creates a group owned by {@code owner}. */
    public GroupSession createGroup(Identity owner, String ownerName, String groupName) throws ZrtException {
        return createGroup(owner, ownerName, groupName, List.of()).session();
    }

    /** A new group and one identified invitation per initial member, in order. */
    public record CreatedGroup(GroupSession session, List<Invitation> invitations) {
        public CreatedGroup {
            invitations = List.copyOf(invitations);
        }
    }

    /**
     * Creates a group whose initial tree already holds the given members (invited with X3DH). The session is
     * stored once the Node accepted the init frame (a lost answer is resolved by reading frame 0 back); the
     * initial members' invites stay in {@link GroupSession#pendingInvites()} until they joined.
     */
    public CreatedGroup createGroup(Identity owner, String ownerName, String groupName,
            List<PrekeyBundle> initialMembers) throws ZrtException {
        Creation.Created created;
        try {
            created = Creation.create(owner.keyPair(), ownerName, groupName, initialMembers, TreeWire.ART, random,
                    clock.millis());
        } catch (VerificationException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.INVITE,
                    "a prekey bundle's signature does not verify");
        } catch (ArtException e) {
            throw new VerificationFailedException(VerificationFailedException.Check.TREE, e.getMessage());
        }
        SessionState state = created.state();
        postInit(state, created.initFrame());
        GroupSession session = register(owner, state, StoredSession.create(storage, sealer, owner.userId(), state));
        List<Invitation> invitations = new ArrayList<>();
        for (int i = 0; i < initialMembers.size(); i++) {
            invitations.add(new Invitation(state.invites().get(i).id(), created.invites().get(i),
                    initialMembers.get(i).userId(), created.leaves().get(i)));
        }
        return new CreatedGroup(session, invitations);
    }

    /** Posts the init frame; after a lost answer the retry meets 409 group_exists, so frame 0 is read back. */
    private void postInit(SessionState state, byte[] initFrame) throws ZrtException {
        try {
            NodeApi.Posted posted = node.postFrame(state.groupId(), initFrame);
            if (posted.seq() != 0 || posted.epoch() != 0) {
                throw new NetworkException("Node placed the init frame at seq " + posted.seq());
            }
        } catch (NodeRejectedException e) {
            if (e.status() != 409 || !"group_exists".equals(e.code())) {
                throw e;
            }
            SPFrames first = node.frames(state.groupId(), 0, 1, 0, state.view().treeKey());
            if (first.getFramesCount() == 0 || first.getFrames(0).getSeq() != 0
                    || !MessageDigest.isEqual(first.getFrames(0).getFrame().toByteArray(), initFrame)) {
                throw e;
            }
        }
    }

    public CompletableFuture<GroupSession> createGroupAsync(Identity owner, String ownerName, String groupName) {
        return async(() -> createGroup(owner, ownerName, groupName));
    }

    public CompletableFuture<CreatedGroup> createGroupAsync(Identity owner, String ownerName, String groupName,
            List<PrekeyBundle> initialMembers) {
        return async(() -> createGroup(owner, ownerName, groupName, initialMembers));
    }

    /**
     * Joins with an identified invite: {@code expectedInviterKey} is the inviter's identity key as the application
     * knows it (out of band); an invite signed by anyone else is refused. Accepting the same invite again (after
     * a failure or a restart) continues the stored session instead of joining twice.
     */
    public GroupSession acceptInvite(Identity me, String myName, byte[] invite, byte[] expectedInviterKey)
            throws ZrtException {
        Invites.Opened opened = Invites.open(invite, expectedInviterKey, me.keyPair(), me.prekeyPair());
        return join(me, myName, opened);
    }

    public CompletableFuture<GroupSession> acceptInviteAsync(Identity me, String myName, byte[] invite,
            byte[] expectedInviterKey) {
        return async(() -> acceptInvite(me, myName, invite, expectedInviterKey));
    }

    /**
     * Joins with an unidentified invite: takes the read-once Transistor transfer (which deletes it there) and
     * keeps it, sealed, in this client's storage until the join landed, so that a redemption that fails here (a
     * mistyped key, the wrong pinned inviter key, a network failure, a crash) can be repeated and never burns
     * the invite. The invite must be for the leaf the ticket names.
     */
    public GroupSession acceptInvite(Identity me, String myName, InviteTicket ticket, byte[] expectedInviterKey)
            throws ZrtException {
        StorageKey keptKey = new StorageKey(me.userId(), ticket.transferId().toString(), RecordKind.TICKET);
        byte[] transferId = uuidBytes(ticket.transferId());
        byte[] kept = storage.read(keptKey);
        byte[] data;
        if (kept != null) {
            data = sealer.open(kept, SealedFormat.Kind.TICKET, me.userId(), transferId).plain();
        } else {
            data = requireTransistor().takeTransfer(ticket.transferId()).getBytes(StandardCharsets.US_ASCII);
            storage.write(keptKey, sealer.seal(SealedFormat.Kind.TICKET, 0, me.userId(), transferId, data));
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new DecryptionFailedException("invite transfer is not base64url");
        }
        byte[] invite = Invites.openFromTransfer(sealed, SecretBytes.copyOf(ticket.key()), ticket.transferId());
        Invites.Opened opened = Invites.open(invite, expectedInviterKey, me.keyPair(), me.prekeyPair());
        if (ticket.leaf() != -1 && opened.leaf() != ticket.leaf()) {
            throw new VerificationFailedException(VerificationFailedException.Check.INVITE, "the ticket names leaf "
                    + ticket.leaf() + ", its invite is for leaf " + opened.leaf());
        }
        GroupSession session = join(me, myName, opened);
        storage.delete(keptKey); // the session now holds what the invite gave
        return session;
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    public CompletableFuture<GroupSession> acceptInviteAsync(Identity me, String myName, InviteTicket ticket,
            byte[] expectedInviterKey) {
        return async(() -> acceptInvite(me, myName, ticket, expectedInviterKey));
    }

    private GroupSession join(Identity me, String myName, Invites.Opened opened) throws ZrtException {
        // Accepting the same invite again (after a lost answer, a failure or a restart) continues what is stored.
        GroupSession existing = openSession(me, opened.group().text());
        if (existing != null && existing.status().readable()) {
            existing.sync();
            if (existing.status().readable()) {
                return existing;
            }
        }
        MemberView view = Joining.view(opened, node.tree(opened.group(), opened.epoch(),
                Math.toIntExact(opened.leaf()), opened.leafSecret()));
        SPFrames page = node.frames(opened.group(), 0, 1, opened.epoch(), view.treeKey());
        if (page.getFramesCount() == 0) {
            throw new VerificationFailedException(VerificationFailedException.Check.SEQUENCE,
                    "Node returned no frame of the invite's epoch");
        }
        var first = page.getFrames(0);
        SessionState state = Joining.fromFirstFrame(opened, view, first.getSeq(), first.getFrame().toByteArray(),
                me.userId(), myName, clock.millis());
        GroupSession session = register(me, state, StoredSession.create(storage, sealer, me.userId(), state));
        session.sync(); // catches up, then announces the join (a key update replacing the inviter-known secret)
        return session;
    }

    // ---- stored sessions ----

    /** The groups of which this identity has a stored session. */
    public List<String> storedGroups(Identity me) throws ZrtException {
        return storage.groups(me.userId());
    }

    /**
     * The session of this identity in this group: the one open in this client, else the stored one (as it was
     * last written, pending operations included; the next {@link GroupSession#sync()} continues them), else
     * null. No network call.
     */
    public GroupSession openSession(Identity me, String groupId) throws ZrtException {
        GroupSession session = open.get(key(me.userId(), groupId));
        if (session != null) {
            return session;
        }
        synchronized (this) {
            session = open.get(key(me.userId(), groupId));
            if (session != null) {
                return session;
            }
            StoredSession.Loaded loaded = StoredSession.load(storage, sealer, me.userId(), groupId);
            if (loaded == null) {
                return null;
            }
            checkBelongs(me, loaded.state());
            return register(me, loaded.state(), loaded.store());
        }
    }

    /**
     * Imports an exported session ({@link GroupSession#serialize()}, sealed under one of this client's state
     * keys); the identity must be the one it belongs to. Bytes that do not open (wrong key, another identity,
     * any altered or missing byte) are a {@link StateFormatException} and change nothing. It replaces this
     * identity's stored session of that group (a session of it open in this client stops accepting changes). A
     * state older than this member's own later operations ends {@link GroupStatus#STALE}.
     */
    public GroupSession restore(Identity me, byte[] serialized) throws ZrtException {
        SessionState state = StoredSession.openExport(sealer, serialized, me.userId());
        checkBelongs(me, state);
        return register(me, state, StoredSession.create(storage, sealer, me.userId(), state));
    }

    /**
     * Re-seals every stored record of this identity under the current state key: after a rotation (records of
     * older keys, which {@link StateKeys#find} must still hold until this returns) and to migrate unsealed
     * records of state format version 1 written by earlier SDK releases (decoded strictly first). Idempotent: run
     * it again after a crash. Returns how many records were rewritten. Call it before opening this identity's
     * sessions; with one of them open it throws {@link IllegalStateException}.
     */
    public synchronized int resealStoredSessions(Identity me) throws ZrtException {
        String prefix = me.userId() + "/";
        if (open.keySet().stream().anyMatch(key -> key.startsWith(prefix))) {
            throw new IllegalStateException("close this identity's open sessions before re-sealing its records");
        }
        int rewritten = 0;
        for (String groupId : storage.groups(me.userId())) {
            rewritten += StoredSession.reseal(storage, sealer, me.userId(), groupId);
        }
        return rewritten;
    }

    /** The sealed export of a session's state (for {@link GroupSession#serialize()}). */
    byte[] export(SessionState state) {
        return StoredSession.sealExport(sealer, state);
    }

    private static void checkBelongs(Identity me, SessionState state) throws StateFormatException {
        if (!state.myUserId().equals(me.userId())) {
            throw new StateFormatException("session state belongs to another identity");
        }
        var mine = state.members().get(state.myLeaf());
        if (mine != null && !mine.getIdentityKey().isEmpty()
                && !MessageDigest.isEqual(mine.getIdentityKey().toByteArray(), me.publicKeyBytes())) {
            throw new StateFormatException("session state's member entry names another identity key");
        }
    }

    private synchronized GroupSession register(Identity me, SessionState state, StoredSession store) {
        SessionRunner runner = new SessionRunner(state, store, node, new Operations(me.keyPair(), random), retries,
                defaultPolicy, clock, lane, fetchLane);
        runner.finalizeLeaves(finalizeLeaves);
        GroupSession session = new GroupSession(this, me, runner);
        GroupSession replaced = open.put(key(me.userId(), state.groupId().text()), session);
        if (replaced != null) {
            replaced.runner().retire();
        }
        return session;
    }

    private static String key(String userId, String groupId) {
        return userId + "/" + groupId;
    }

    // ---- live delivery and helpers for sessions ----

    Subscription live(SessionRunner runner, MessageListener listener) throws ZrtException {
        if (centrifugoUrl == null) {
            throw new NetworkException("no Centrifugo URL configured for live updates");
        }
        LiveHub hub = live;
        if (hub == null) {
            synchronized (this) {
                if (live == null) {
                    live = new LiveHub(http, node, centrifugoUrl, timer, executor, clock);
                }
                hub = live;
            }
        }
        return hub.subscribe(runner, listener);
    }

    /** Live connections this client has open now (one per 100 subscribed groups; diagnostics). */
    public int liveConnections() {
        LiveHub hub = live;
        return hub == null ? 0 : hub.openConnections();
    }

    /** The live hub once a session subscribed (diagnostics and tests), else null. */
    LiveHub liveHub() {
        return live;
    }

    TransistorApi transistor() throws NetworkException {
        return requireTransistor();
    }

    private TransistorApi requireTransistor() throws NetworkException {
        if (transistor == null) {
            throw new NetworkException("no Transistor URL configured");
        }
        return transistor;
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    /** A blocking call run on the client's executor; see {@link #async}. */
    interface Call<T> {
        T run() throws ZrtException;
    }

    /**
     * Runs a blocking call on the client's executor. The future completes with its result, or exceptionally
     * with its {@link ZrtException} as the cause; cancelling it cancels the HTTP exchange in flight and stops
     * the call at its next step (an operation already posted stays pending, as after a network failure).
     */
    <T> CompletableFuture<T> async(Call<T> call) {
        CallScope scope = new CallScope();
        CompletableFuture<T> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                scope.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(scope.run(call::run));
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(new NetworkException("the client is closed"));
        }
        return future;
    }

    /**
     * Cancels live connections, stops the SDK's timer and waits (up to 5 s) for the SDK's tasks to finish: an
     * executor the SDK made is shut down; an application's executor is left running, only the SDK's own tasks
     * on it are awaited. OkHttp's threads are stopped if the SDK made its client.
     */
    @Override
    public void close() {
        LiveHub hub = live;
        if (hub != null) {
            hub.close();
        }
        open.values().forEach(s -> s.runner().close());
        timer.shutdownNow();
        executor.shutdown();
        try {
            timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            executor.awaitQuiet(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configuration; every setter returns the builder. */
    public static final class Builder {
        private String nodeUrl;
        private String transistorUrl;
        private String centrifugoUrl;
        private Timeouts timeouts = Timeouts.defaults();
        private Retries retries = Retries.defaults();
        private KeyUpdatePolicy keyUpdatePolicy = KeyUpdatePolicy.afterOthersSpoke();
        private SessionStorage storage;
        private StateKeys stateKeys;
        private OkHttpClient okHttpClient;
        private ExecutorService executor;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private int deliveryThreads = Math.max(4, Runtime.getRuntime().availableProcessors());
        private boolean finalizeLeaves = true;

        private Builder() {
        }

        public Builder nodeUrl(String url) {
            this.nodeUrl = Objects.requireNonNull(url);
            return this;
        }

        public Builder transistorUrl(String url) {
            this.transistorUrl = url;
            return this;
        }

        public Builder centrifugoUrl(String url) {
            this.centrifugoUrl = url;
            return this;
        }

        /** Connect, read and write timeouts of each attempt, and the budget of a whole call with its retries. */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts);
            return this;
        }

        public Builder retries(Retries retries) {
            this.retries = Objects.requireNonNull(retries);
            return this;
        }

        /** The default policy of new sessions (each session can change its own). */
        public Builder keyUpdatePolicy(KeyUpdatePolicy policy) {
            this.keyUpdatePolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Where sessions are stored: {@link io.zrt.client.storage.FileSessionStorage} for a durable directory, or
         * the application's own {@link SessionStorage}. Default: {@link InMemorySessionStorage} (nothing survives
         * the process).
         */
        public Builder storage(SessionStorage storage) {
            this.storage = Objects.requireNonNull(storage);
            return this;
        }

        /**
         * The keys that seal every record the client writes to its storage and every session it exports
         * ({@link GroupSession#serialize()}): required with a {@link #storage}; without one, the client seals its
         * in-memory records under a random key of its own, and its exports open only in this client.
         */
        public Builder stateKeys(StateKeys keys) {
            this.stateKeys = Objects.requireNonNull(keys);
            return this;
        }

        /** {@link #stateKeys} with a single key. */
        public Builder stateKey(StateKey key) {
            return stateKeys(StateKeys.of(key));
        }

        /**
         * The application's OkHttp client (its interceptors, connection pool, dispatcher, proxy settings are
         * kept; the SDK derives its own clients from it with {@code newBuilder()} and its timeouts, and never
         * shuts it down). Default: a client of the SDK's own.
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = Objects.requireNonNull(client);
            return this;
        }

        /**
         * The executor for {@code …Async} calls, live processing, catch-ups and listener calls (listeners of one
         * session run one at a time, in order; at most {@link #deliveryThreads} sessions at once). The SDK does
         * not shut an application's executor down. Default: a cached pool of daemon threads owned by the SDK.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor);
            return this;
        }

        /** How many sessions process live frames and call listeners at the same time (default max(4, cores)). */
        public Builder deliveryThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("at least one delivery thread");
            }
            this.deliveryThreads = threads;
            return this;
        }

        /**
         * Whether an owner's sessions finalize other members' leaves by themselves, right after the sync or live
         * delivery that brought the leave (default true): until a leave is finalized the leaver still holds the
         * tree key of its leave epoch and can read what is sent in it. Off: the application calls
         * {@link GroupSession#finalizeRemoval} itself.
         */
        public Builder finalizeLeavesAutomatically(boolean enabled) {
            this.finalizeLeaves = enabled;
            return this;
        }

        /** The clock for payload timestamps, key-update intervals and token renewal. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The random source for keys, nonces and secrets. Default: a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public ZrtClient build() {
            if (nodeUrl == null) {
                throw new IllegalStateException("nodeUrl is required");
            }
            if (storage != null && stateKeys == null) {
                throw new IllegalStateException("a storage needs stateKeys (or stateKey): the records it keeps "
                        + "are sealed under the application's key");
            }
            return new ZrtClient(this);
        }
    }
}
