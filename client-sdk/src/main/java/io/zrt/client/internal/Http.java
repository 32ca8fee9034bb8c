package io.zrt.client.internal;

import io.zrt.client.NetworkException;
import io.zrt.client.NodeRejectedException;
import io.zrt.client.Retries;
import io.zrt.client.Timeouts;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One OkHttp client with the configured timeouts, retries on I/O errors, 429 and 503 (honouring Retry-After up to 5 s), and problem+json errors. */
public final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final OkHttpClient client;
    private final Retries retries;

    public Http(Timeouts timeouts, Retries retries) {
        this.client = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(timeouts.write().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(timeouts.call().toMillis(), TimeUnit.MILLISECONDS)
                .retryOnConnectionFailure(false)
                .build();
        this.retries = retries;
    }

    /** Stops OkHttp's threads and closes pooled connections. */
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    OkHttpClient client() {
        return client;
    }

    /** A successful answer: status and the whole body. */
    record Answer(int status, byte[] body, okhttp3.Headers headers) {
    }

    /**
     * Executes with retries; any 2xx is returned, any other status becomes {@link NodeRejectedException}.
     * Retrying a POST is safe here: frames carry a nonce the Node refuses twice, transfers an id.
     */
    Answer execute(Request request) throws NetworkException, NodeRejectedException {
        long pause = Math.max(1, retries.backoff().toMillis());
        for (int attempt = 1; ; attempt++) {
            try (Response response = client.newCall(request).execute()) {
                byte[] body = response.body().bytes();
                if (response.isSuccessful()) {
                    return new Answer(response.code(), body, response.headers());
                }
                NodeRejectedException rejected = problem(response.code(), body);
                boolean transient_ = response.code() == 503 || response.code() == 429;
                if (!transient_ || attempt >= retries.networkAttempts()) {
                    throw rejected;
                }
                pause = Math.max(pause, retryAfterMillis(response.header("Retry-After")));
            } catch (IOException e) {
                if (attempt >= retries.networkAttempts()) {
                    throw new NetworkException(request.method() + " " + request.url().encodedPath() + " failed: "
                            + e.getMessage(), e);
                }
            }
            sleep(pause);
            pause *= 2;
        }
    }

    private static long retryAfterMillis(String header) {
        try {
            return header == null ? 0 : Math.min(5000, Long.parseLong(header.trim()) * 1000);
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

    private static void sleep(long millis) throws NetworkException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting to retry");
        }
    }
}
