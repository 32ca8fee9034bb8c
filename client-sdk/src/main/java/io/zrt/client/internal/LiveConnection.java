package io.zrt.client.internal;

import io.zrt.client.GroupMessage;
import io.zrt.client.NetworkException;
import io.zrt.client.Subscription;
import io.zrt.client.ZrtException;
import io.zrt.protocol.SPFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Live delivery of one group through Centrifugo's unidirectional SSE transport. The connection token comes from
 * the Node (a push-token proof with the current tree key) and is renewed by reconnecting shortly before it
 * expires. Publications carry {@code {"seq","epoch","frame":"<base64 SPFrame>"}}; each goes to the session
 * engine, which processes it only if it is the next frame, buffers it if early (and fetches the gap), and drops
 * it if already processed. After every (re)connect the engine catches up through GET frames, so nothing sent
 * while disconnected is lost and nothing is delivered twice.
 */
public final class LiveConnection implements Subscription {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OkHttpClient sseClient;
    private final NodeApi node;
    private final HttpUrl centrifugo;
    private final SessionEngine engine;
    private final Consumer<GroupMessage> listener;
    private final Consumer<ZrtException> onError;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger publications = new AtomicInteger();
    private volatile EventSource current;
    private volatile boolean connected;
    private volatile boolean closed;
    private long backoffMillis = 100;

    private LiveConnection(Http http, NodeApi node, String centrifugoUrl, SessionEngine engine,
            Consumer<GroupMessage> listener, Consumer<ZrtException> onError) {
        // SSE streams stay open: no read or call timeout on this client.
        this.sseClient = http.client().newBuilder().readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
        this.node = node;
        this.centrifugo = HttpUrl.get(centrifugoUrl);
        this.engine = engine;
        this.listener = listener;
        this.onError = onError;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zrt-live-" + engine.state().groupId());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static LiveConnection start(Http http, NodeApi node, String centrifugoUrl, SessionEngine engine,
            Consumer<GroupMessage> listener, Consumer<ZrtException> onError, Executor unused) throws ZrtException {
        LiveConnection live = new LiveConnection(http, node, centrifugoUrl, engine, listener, onError);
        engine.addListener(listener);
        live.connect();
        return live;
    }

    private void connect() throws ZrtException {
        SessionState s = engine.state();
        NodeApi.PushToken token = node.pushToken(List.of(new NodeApi.PushProof(s.groupId(), s.epoch(),
                s.view().treeKey())));
        String connectJson = Http.JSON.createObjectNode().put("token", token.token()).toString();
        HttpUrl url = centrifugo.newBuilder().addPathSegments("connection/uni_sse")
                .addQueryParameter("cf_connect", connectJson).build();
        Request request = new Request.Builder().url(url).header("Accept", "text/event-stream").build();
        current = EventSources.createFactory(sseClient).newEventSource(request, new Handler());
        long lifetime = Math.max(0, token.expiresAt().toEpochMilli() - Instant.now().toEpochMilli());
        long renewIn = Math.max(1000, lifetime - Math.max(5000, lifetime / 10));
        EventSource renewed = current;
        scheduler.schedule(() -> renew(renewed), renewIn, TimeUnit.MILLISECONDS);
    }

    /** Reconnects with a fresh token before the current one expires (Centrifugo ends the connection at exp). */
    private void renew(EventSource expected) {
        if (!closed && current == expected) {
            LOG.debug("renewing the push token of group {}", engine.state().groupId());
            expected.cancel();
        }
    }

    /** Ends the current connection as a network failure would; the subscription reconnects and catches up. */
    public void dropConnection() {
        EventSource source = current;
        if (source != null) {
            source.cancel();
        }
    }

    private void scheduleReconnect() {
        if (closed) {
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF.toMillis(), backoffMillis * 2);
        scheduler.schedule(() -> {
            if (closed) {
                return;
            }
            try {
                connect();
            } catch (ZrtException e) {
                onError.accept(e);
                scheduleReconnect();
            } catch (RuntimeException e) {
                onError.accept(new NetworkException("live reconnect failed: " + e));
                scheduleReconnect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void catchUp() {
        try {
            engine.sync();
        } catch (ZrtException e) {
            onError.accept(e);
        }
    }

    private final class Handler extends EventSourceListener {
        @Override
        public void onOpen(EventSource source, Response response) {
            connected = true;
            connections.incrementAndGet();
            backoffMillis = 100;
            scheduler.execute(LiveConnection.this::catchUp);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            if (source != current) {
                return;
            }
            try {
                handle(data);
            } catch (ZrtException e) {
                onError.accept(e);
            }
        }

        @Override
        public void onClosed(EventSource source) {
            ended(source);
        }

        @Override
        public void onFailure(EventSource source, Throwable t, Response response) {
            ended(source);
        }

        private void ended(EventSource source) {
            if (source != current) {
                return;
            }
            connected = false;
            scheduleReconnect();
        }
    }

    /** One SSE message: a connect reply, a publication (top level or inside a push), or something to ignore. */
    private void handle(String data) throws ZrtException {
        JsonNode message;
        try {
            message = Http.JSON.readTree(data);
        } catch (RuntimeException e) {
            throw new NetworkException("live: message is not JSON");
        }
        JsonNode pub = message.path("pub");
        if (pub.isMissingNode()) {
            pub = message.path("push").path("pub");
        }
        if (pub.isMissingNode()) {
            return;
        }
        JsonNode body = pub.path("data");
        JsonNode seqNode = body.get("seq");
        JsonNode frameNode = body.get("frame");
        if (seqNode == null || !seqNode.isIntegralNumber() || frameNode == null || !frameNode.isString()) {
            throw new NetworkException("live: publication lacks seq or frame");
        }
        SPFrame frame;
        try {
            frame = SPFrame.parseFrom(Base64.getDecoder().decode(frameNode.stringValue()));
        } catch (IllegalArgumentException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new NetworkException("live: publication frame is not a base64 SPFrame");
        }
        if (frame.getSeq() != seqNode.longValue()) {
            throw new NetworkException("live: publication seq differs from its frame's seq");
        }
        publications.incrementAndGet();
        engine.receive(frame.getSeq(), frame.getFrame().toByteArray());
    }

    /** Publications received over SSE so far (for diagnostics and tests). */
    public int publications() {
        return publications.get();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public int connections() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        engine.removeListener(listener);
        EventSource source = current;
        if (source != null) {
            source.cancel();
        }
        scheduler.shutdownNow();
    }
}
