package io.zrt.client.internal;

import io.zrt.client.NetworkException;
import io.zrt.client.NodeRejectedException;
import io.zrt.client.Retries;
import io.zrt.client.Timeouts;
import io.zrt.client.ZrtException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's HTTP layer over OkHttp: the application's {@link OkHttpClient} (its interceptors, pool and
 * dispatcher; e.g. to add a header to every request) or a default one, with the configured timeouts. Each call is
 * retried on I/O errors, 429 and 503 with jittered exponential backoff (Retry-After honoured, pauses at most
 * 5 s), and {@link Timeouts#call()} bounds the whole call: every attempt and every pause. Requests are made per
 * attempt, so a read proof over a single-use challenge gets a fresh challenge each time.
 */
public final class Http implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final long MAX_PAUSE_MILLIS = 5000;
    /** Centrifugo pings unidirectional connections every 25 s; silence for longer than this means a dead link. */
    private static final Duration STREAM_SILENCE = Duration.ofSeconds(60);

    private final OkHttpClient client;
    private final OkHttpClient streamClient;
    private final boolean ownsBase;
    private final Retries retries;
    private final Timeouts timeouts;

    /** @param supplied the application's client, or null for one the SDK owns (and shuts down at close) */
    public Http(OkHttpClient supplied, Timeouts timeouts, Retries retries) {
        this.ownsBase = supplied == null;
        OkHttpClient base = supplied == null ? new OkHttpClient() : supplied;
        this.client = base.newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(Duration.ZERO) // set per call: the remainder of the whole call's budget
                .retryOnConnectionFailure(false) // retries are the SDK's, so they are counted and bounded
                .build();
        // Live connections stay open for as long as they last; they get a dispatcher of their own so that they
        // never queue behind (or hold up) the application's calls, whatever its per-host limit.
        Dispatcher streams = new Dispatcher();
        streams.setMaxRequests(Integer.MAX_VALUE);
        streams.setMaxRequestsPerHost(Integer.MAX_VALUE);
        this.streamClient = client.newBuilder().dispatcher(streams).readTimeout(STREAM_SILENCE).build();
        this.retries = retries;
        this.timeouts = timeouts;
    }

    /** Stops the SDK's own OkHttp threads; an application's client is left as it is. */
    @Override
    public void close() {
        streamClient.dispatcher().cancelAll();
        streamClient.dispatcher().executorService().shutdown();
        if (ownsBase) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** For server-sent event streams: a silence timeout instead of a call timeout, and no per-host cap. */
    OkHttpClient streamClient() {
        return streamClient;
    }

    /** A successful answer: status and the whole body. */
    record Answer(int status, byte[] body, okhttp3.Headers headers) {
    }

    /** Makes the request of one attempt (may itself call the network, e.g. for a fresh challenge). */
    @FunctionalInterface
    interface RequestFactory {
        Request create() throws ZrtException;
    }

    Answer execute(Request request) throws NetworkException, NodeRejectedException {
        try {
            return execute(() -> request);
        } catch (NetworkException | NodeRejectedException e) {
            throw e;
        } catch (ZrtException e) {
            throw new IllegalStateException("a fixed request cannot fail to be made", e);
        }
    }

    /**
     * Executes with retries; any 2xx is returned, any other status becomes {@link NodeRejectedException}.
     * Retrying a POST is safe here: frames carry a nonce the Node refuses twice, transfers an id.
     */
    Answer execute(RequestFactory factory) throws ZrtException {
        long deadline = System.nanoTime() + timeouts.call().toNanos();
        long base = Math.max(1, retries.backoff().toMillis());
        for (int attempt = 1; ; attempt++) {
            CallScope.checkCancelled();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new NetworkException("call timed out after " + timeouts.call().toMillis() + " ms");
            }
            Request request = factory.create();
            long retryAfter = 0;
            ZrtException failure;
            Call call = client.newCall(request);
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
            CallScope.register(call);
            try (Response response = call.execute()) {
                byte[] body = response.body().bytes();
                if (response.isSuccessful()) {
                    return new Answer(response.code(), body, response.headers());
                }
                NodeRejectedException rejected = problem(response.code(), body);
                boolean transientStatus = response.code() == 503 || response.code() == 429;
                if (!transientStatus || attempt >= retries.networkAttempts()) {
                    throw rejected;
                }
                failure = rejected;
                retryAfter = retryAfterMillis(response.header("Retry-After"));
            } catch (IOException e) {
                CallScope.checkCancelled();
                failure = new NetworkException(request.method() + " " + request.url().encodedPath() + " failed: "
                        + e.getMessage(), e);
                if (attempt >= retries.networkAttempts()) {
                    throw failure;
                }
            } finally {
                CallScope.unregister();
            }
            long pause = Math.max(jittered(base, attempt), retryAfter);
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) >= deadline) {
                throw failure; // the next attempt would start after the call's budget
            }
            CallScope.pause(pause);
        }
    }

    /** Equal jitter: half of base·2^(attempt−1) plus a uniform random share of the other half, at most 5 s. */
    static long jittered(long base, int attempt) {
        long ceiling = Math.min(MAX_PAUSE_MILLIS, base << Math.min(20, attempt - 1));
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }

    private static long retryAfterMillis(String header) {
        try {
            return header == null ? 0 : Math.min(MAX_PAUSE_MILLIS, Math.max(0, Long.parseLong(header.trim())) * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static NodeRejectedException problem(int status, byte[] body) {
        String code = "";
        String detail = "";
        Long epoch = null;
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isObject()) {
                code = text(node, "code");
                detail = text(node, "detail");
                JsonNode current = node.get("currentEpoch");
                if (current != null && current.isIntegralNumber()) {
                    epoch = current.longValue();
                }
            }
        } catch (RuntimeException notJson) {
            // a proxy or a crashed service: the status alone has to do
        }
        return new NodeRejectedException(status, code, detail, epoch);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    static JsonNode json(byte[] body, String what) throws NetworkException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new NetworkException(what + ": answer is not a JSON object");
            }
            return node;
        } catch (RuntimeException e) {
            throw new NetworkException(what + ": answer is not JSON");
        }
    }

    static long requireLong(JsonNode node, String field, String what) throws NetworkException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || value.longValue() < 0) {
            throw new NetworkException(what + ": answer lacks " + field);
        }
        return value.longValue();
    }
}
