package io.zrt.client.internal;

import io.zrt.client.MessageListener;
import io.zrt.client.NetworkException;
import io.zrt.client.NodeRejectedException;
import io.zrt.client.Subscription;
import io.zrt.client.ZrtException;
import io.zrt.protocol.SPFrame;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Live delivery for a whole client over Centrifugo's unidirectional SSE transport: one connection carries up to
 * 100 subscribed groups (a push token names up to 100 channels); more connections only beyond that. The token
 * comes from the Node (one push-token proof per group, with its current tree key) and is sent as the JSON body of
 * a POST, so its length does not matter.
 *
 * <p>Changing what a connection carries (a group subscribed, a token about to expire) is make-before-break: a
 * new connection with a fresh token is opened, and once Centrifugo's connect reply shows its subscriptions are in
 * place the old one is closed; frames pushed to both are processed once (a session ignores what it already
 * has), so nothing is missed and nothing needs fetching, except for the groups the new connection adds, which
 * catch up through GET frames. A connection that fails is reopened with jittered backoff (100 ms to 5 s) and
 * every group on it catches up. Publications go to their session's serial lane; nothing runs on the
 * connection's thread but parsing.
 */
public final class LiveHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
    static final int GROUPS_PER_CONNECTION = 100;
    private static final long COALESCE_MILLIS = 20;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;
    private static final String CHANNEL_PREFIX = "personal:";
    private static final MediaType JSON = MediaType.get("application/json");

    private final Http http;
    private final NodeApi node;
    private final HttpUrl endpoint;
    private final ScheduledExecutorService timer;
    private final Executor work;
    private final Clock clock;
    private final List<Connection> connections = new ArrayList<>();
    private final AtomicLong publications = new AtomicLong();
    private volatile boolean closed;

    public LiveHub(Http http, NodeApi node, String centrifugoUrl, ScheduledExecutorService timer, Executor work,
            Clock clock) {
        this.http = http;
        this.node = node;
        this.endpoint = HttpUrl.get(centrifugoUrl).newBuilder().addPathSegments("connection/uni_sse").build();
        this.timer = timer;
        this.work = work;
        this.clock = clock;
    }

    /** Live delivery of one session to {@code listener} until the subscription is closed. */
    public Subscription subscribe(SessionRunner session, MessageListener listener) {
        String group = session.state().groupId().text();
        session.addListener(listener);
        Connection conn;
        synchronized (this) {
            conn = null;
            for (Connection c : connections) {
                if (c.groups.containsKey(group)) {
                    conn = c;
                    break;
                }
            }
            if (conn == null) {
                for (Connection c : connections) {
                    if (c.groups.size() < GROUPS_PER_CONNECTION) {
                        conn = c;
                        break;
                    }
                }
            }
            if (conn == null) {
                conn = new Connection(connections.size());
                connections.add(conn);
            }
            conn.references.merge(group, 1, Integer::sum);
            if (conn.groups.putIfAbsent(group, session) == null) {
                conn.needCatchUp.add(group);
            }
        }
        scheduleRefresh(conn, COALESCE_MILLIS);
        return new LiveSubscription(conn, group, session, listener);
    }

    /** Open connections (diagnostics, benchmarks). */
    public synchronized int openConnections() {
        return (int) connections.stream().filter(c -> c.connected).count();
    }

    /** Publications received over all connections so far (diagnostics and tests). */
    public long publications() {
        return publications.get();
    }

    /** Ends every connection as a network failure would (tests): each reconnects and catches up. */
    public void dropConnections() {
        List<EventSource> sources = new ArrayList<>();
        synchronized (this) {
            for (Connection c : connections) {
                if (c.current != null) {
                    sources.add(c.current);
                }
            }
        }
        sources.forEach(EventSource::cancel);
    }

    @Override
    public void close() {
        List<EventSource> sources = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Connection c : connections) {
                c.shutDown(sources);
            }
            connections.clear();
        }
        sources.forEach(EventSource::cancel);
    }

    // ---- one connection ----

    /** One SSE connection and the groups it carries. Guarded by the hub's monitor. */
    private final class Connection {
        final int number;
        final Map<String, SessionRunner> groups = new LinkedHashMap<>();
        final Map<String, Integer> references = new HashMap<>();
        final Map<String, Integer> opensPerGroup = new HashMap<>();
        final Set<String> needCatchUp = new HashSet<>();
        EventSource current;
        Set<String> currentGroups = Set.of();
        EventSource opening;
        Set<String> openingGroups = Set.of();
        long openingExpiresAt;
        boolean connected;
        boolean refreshing;
        boolean dirty;
        ScheduledFuture<?> scheduled;
        ScheduledFuture<?> renewal;
        long backoff = MIN_BACKOFF_MILLIS;

        Connection(int number) {
            this.number = number;
        }

        /** Stops its timers and hands its event sources to {@code toCancel} (cancelled outside the lock). */
        void shutDown(List<EventSource> toCancel) {
            cancelTimers();
            if (current != null) {
                toCancel.add(current);
            }
            if (opening != null) {
                toCancel.add(opening);
            }
            current = null;
            opening = null;
            connected = false;
        }

        void cancelTimers() {
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
            if (renewal != null) {
                renewal.cancel(false);
                renewal = null;
            }
        }
    }

    private void scheduleRefresh(Connection conn, long delayMillis) {
        synchronized (this) {
            if (closed || conn.scheduled != null) {
                return;
            }
            try {
                conn.scheduled = timer.schedule(() -> {
                    synchronized (LiveHub.this) {
                        conn.scheduled = null;
                    }
                    runRefresh(conn);
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void runRefresh(Connection conn) {
        synchronized (this) {
            if (closed || !connections.contains(conn)) {
                return;
            }
            if (conn.refreshing) {
                conn.dirty = true;
                return;
            }
            conn.refreshing = true;
            conn.dirty = false;
        }
        try {
            work.execute(() -> refresh(conn));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                conn.refreshing = false;
            }
        }
    }

    /** Gets a token for the connection's groups and opens a connection with it (network: on the work executor). */
    private void refresh(Connection conn) {
        List<SessionRunner> members;
        synchronized (this) {
            members = new ArrayList<>(conn.groups.values());
        }
        members.removeIf(r -> !r.state().status().readable());
        if (members.isEmpty()) {
            EventSource old;
            synchronized (this) {
                old = conn.current;
                conn.current = null;
                conn.connected = false;
                conn.refreshing = false;
            }
            if (old != null) {
                old.cancel();
            }
            return;
        }
        NodeApi.PushToken token;
        try {
            token = tokenFor(conn, members);
        } catch (ZrtException | RuntimeException e) {
            LOG.debug("live connection {}: no push token: {}", conn.number, e.toString());
            ZrtException error = e instanceof ZrtException z ? z : new NetworkException("push token: " + e, e);
            members.forEach(r -> r.reportError(error));
            retryLater(conn);
            return;
        }
        Set<String> carried = new HashSet<>();
        token.channels().forEach(channel -> carried.add(groupOf(channel)));
        String connect = Http.JSON.createObjectNode().put("token", token.token()).toString();
        Request request = new Request.Builder().url(endpoint).header("Accept", "text/event-stream")
                .post(RequestBody.create(connect, JSON)).build();
        EventSource superseded;
        synchronized (this) {
            if (closed) {
                return;
            }
            superseded = conn.opening;
            conn.openingGroups = Set.copyOf(carried);
            conn.openingExpiresAt = token.expiresAt().toEpochMilli();
            conn.opening = EventSources.createFactory(http.streamClient()).newEventSource(request,
                    new Handler(conn));
        }
        if (superseded != null) {
            superseded.cancel();
        }
    }

    /**
     * A token for these groups. If the Node refuses the batch (a group moved on, was dropped, or this member was
     * removed), each group catches up and the batch is tried again without those that can no longer be read;
     * if it is still refused, each group is tried alone and the ones refused are dropped from the connection
     * with the error reported to their listeners.
     */
    private NodeApi.PushToken tokenFor(Connection conn, List<SessionRunner> members) throws ZrtException {
        try {
            return node.pushToken(proofs(members));
        } catch (NodeRejectedException first) {
            if (first.status() >= 500) {
                throw first;
            }
            for (SessionRunner r : members) {
                try {
                    r.catchUp();
                } catch (ZrtException ignored) {
                    // judged below, alone
                }
            }
            members.removeIf(r -> !r.state().status().readable());
            if (members.isEmpty()) {
                throw first;
            }
            try {
                return node.pushToken(proofs(members));
            } catch (NodeRejectedException again) {
                List<SessionRunner> kept = new ArrayList<>();
                for (SessionRunner r : members) {
                    try {
                        node.pushToken(proofs(List.of(r)));
                        kept.add(r);
                    } catch (NodeRejectedException refused) {
                        r.reportError(refused);
                        synchronized (this) {
                            conn.groups.remove(r.state().groupId().text());
                        }
                    }
                }
                if (kept.isEmpty()) {
                    throw again;
                }
                return node.pushToken(proofs(kept));
            }
        }
    }

    private static List<NodeApi.PushProof> proofs(List<SessionRunner> members) {
        List<NodeApi.PushProof> proofs = new ArrayList<>(members.size());
        for (SessionRunner r : members) {
            var s = r.state();
            proofs.add(new NodeApi.PushProof(s.groupId(), s.epoch(), s.view().treeKey()));
        }
        return proofs;
    }

    private void retryLater(Connection conn) {
        long delay;
        synchronized (this) {
            conn.refreshing = false;
            delay = Http.jittered(conn.backoff, 1);
            conn.backoff = Math.min(MAX_BACKOFF_MILLIS, conn.backoff * 2);
        }
        scheduleRefresh(conn, delay);
    }

    /** Centrifugo's connect reply arrived: the new connection's subscriptions are in place. */
    private void activated(Connection conn, EventSource source) {
        EventSource old;
        List<SessionRunner> catchUp = new ArrayList<>();
        boolean again;
        synchronized (this) {
            if (source != conn.opening) {
                source.cancel(); // superseded by a newer connection attempt, or the hub closed
                return;
            }
            old = conn.current;
            conn.current = source;
            conn.currentGroups = conn.openingGroups;
            conn.opening = null;
            conn.connected = true;
            conn.backoff = MIN_BACKOFF_MILLIS;
            conn.refreshing = false;
            again = conn.dirty;
            for (String group : conn.currentGroups) {
                conn.opensPerGroup.merge(group, 1, Integer::sum);
                if (conn.needCatchUp.remove(group) && conn.groups.containsKey(group)) {
                    catchUp.add(conn.groups.get(group));
                }
            }
            if (conn.renewal != null) {
                conn.renewal.cancel(false);
            }
            long lifetime = Math.max(0, conn.openingExpiresAt - clock.millis());
            long renewIn = Math.max(1000, lifetime - Math.max(5000, lifetime / 10));
            try {
                conn.renewal = timer.schedule(() -> runRefresh(conn), renewIn, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                conn.renewal = null;
            }
        }
        if (old != null) {
            old.cancel();
        }
        catchUp.forEach(SessionRunner::catchUpLive);
        if (again) {
            runRefresh(conn);
        }
    }

    private void ended(Connection conn, EventSource source) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (source == conn.opening) {
                conn.opening = null;
            } else if (source == conn.current) {
                conn.current = null;
                conn.connected = false;
                conn.needCatchUp.addAll(conn.groups.keySet());
                if (conn.opening != null) {
                    return; // the connection being opened takes over and catches up
                }
            } else {
                return;
            }
        }
        retryLater(conn);
    }

    private final class Handler extends EventSourceListener {
        private final Connection conn;

        Handler(Connection conn) {
            this.conn = conn;
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            try {
                handle(conn, source, data);
            } catch (ZrtException e) {
                LOG.debug("live connection {}: {}", conn.number, e.getMessage());
            }
        }

        @Override
        public void onClosed(EventSource source) {
            ended(conn, source);
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            ended(conn, source);
        }
    }

    /** One SSE message: the connect reply, a publication (top level or inside a push), or a ping to ignore. */
    private void handle(Connection conn, EventSource source, String data) throws ZrtException {
        JsonNode message;
        try {
            message = Http.JSON.readTree(data);
        } catch (RuntimeException e) {
            throw new NetworkException("live: message is not JSON");
        }
        if (message == null || !message.isObject()) {
            return;
        }
        if (message.has("connect")) {
            activated(conn, source);
            return;
        }
        JsonNode push = message.has("push") ? message.path("push") : message;
        JsonNode pub = push.path("pub");
        if (pub.isMissingNode()) {
            return;
        }
        String group = groupOf(push.path("channel").asString(""));
        SessionRunner session;
        synchronized (this) {
            session = conn.groups.get(group);
        }
        if (session == null) {
            return; // a group no longer subscribed, until the next token drops it
        }
        JsonNode body = pub.path("data");
        JsonNode seqNode = body.get("seq");
        JsonNode frameNode = body.get("frame");
        if (seqNode == null || !seqNode.isIntegralNumber() || frameNode == null || !frameNode.isString()) {
            session.reportError(new NetworkException("live: publication lacks seq or frame"));
            return;
        }
        SPFrame frame;
        try {
            frame = SPFrame.parseFrom(Base64.getDecoder().decode(frameNode.stringValue()));
        } catch (IllegalArgumentException | com.google.protobuf.InvalidProtocolBufferException e) {
            session.reportError(new NetworkException("live: publication frame is not a base64 SPFrame"));
            return;
        }
        if (frame.getSeq() != seqNode.longValue()) {
            session.reportError(new NetworkException("live: publication seq differs from its frame's seq"));
            return;
        }
        publications.incrementAndGet();
        session.deliverLive(frame.getSeq(), frame.getFrame().toByteArray());
    }

    private static String groupOf(String channel) {
        return channel.startsWith(CHANNEL_PREFIX) ? channel.substring(CHANNEL_PREFIX.length()) : channel;
    }

    private void unsubscribe(Connection conn, String group, SessionRunner session, MessageListener listener) {
        session.removeListener(listener);
        List<EventSource> cancel = new ArrayList<>();
        synchronized (this) {
            Integer left = conn.references.computeIfPresent(group, (k, n) -> n > 1 ? n - 1 : null);
            if (left != null) {
                return;
            }
            conn.groups.remove(group);
            conn.needCatchUp.remove(group);
            if (conn.groups.isEmpty()) {
                conn.shutDown(cancel);
                connections.remove(conn);
            }
            // otherwise the channel stays on the connection until its next token; its pushes are ignored
        }
        cancel.forEach(EventSource::cancel);
    }

    private final class LiveSubscription implements Subscription {
        private final Connection conn;
        private final String group;
        private final SessionRunner session;
        private final MessageListener listener;
        private boolean closedHere;

        LiveSubscription(Connection conn, String group, SessionRunner session, MessageListener listener) {
            this.conn = conn;
            this.group = group;
            this.session = session;
            this.listener = listener;
        }

        @Override
        public boolean isConnected() {
            synchronized (LiveHub.this) {
                return !closedHere && conn.connected && conn.currentGroups.contains(group);
            }
        }

        @Override
        public int connections() {
            synchronized (LiveHub.this) {
                return conn.opensPerGroup.getOrDefault(group, 0);
            }
        }

        @Override
        public void close() {
            synchronized (LiveHub.this) {
                if (closedHere) {
                    return;
                }
                closedHere = true;
            }
            unsubscribe(conn, group, session, listener);
        }
    }
}
