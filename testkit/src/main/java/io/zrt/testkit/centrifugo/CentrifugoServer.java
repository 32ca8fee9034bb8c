package io.zrt.testkit.centrifugo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A running test Centrifugo: its base URL, HTTP API key and client token secret. Secrets are not shown by
 * {@link #toString()}. Closing stops a server the testkit started (a server from the environment is left
 * alone).
 */
public final class CentrifugoServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String apiKey;
    private final String tokenSecret;
    private final String source;
    private final AutoCloseable stopper;

    CentrifugoServer(String url, String apiKey, String tokenSecret, String source, AutoCloseable stopper) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
        this.tokenSecret = tokenSecret;
        this.source = source;
        this.stopper = stopper;
    }

    /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:40111}. */
    public String url() {
        return url;
    }

    /** The HTTP API key (header {@code X-API-Key}). */
    public String apiKey() {
        return apiKey;
    }

    /** The HMAC secret for HS256 connection tokens. */
    public String tokenSecret() {
        return tokenSecret;
    }

    /** "environment", "binary &lt;path&gt;" or "testcontainers &lt;image&gt;". */
    public String source() {
        return source;
    }

    /** The uni_sse connection URL for {@code token}: {@code /connection/uni_sse?cf_connect={"token":…}}. */
    public String uniSseUrl(String token) {
        String connect = "{\"token\":\"" + token + "\"}";
        return url + "/connection/uni_sse?cf_connect=" + URLEncoder.encode(connect, StandardCharsets.UTF_8);
    }

    /**
     * An HS256 connection JWT with claims {@code sub}, {@code exp} and {@code channels} (server-side
     * subscriptions), signed with this server's token secret.
     */
    public String connectionToken(String subject, List<String> channels, Duration validity) {
        ObjectNode header = CentrifugoConfig.JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        ObjectNode claims = CentrifugoConfig.JSON.createObjectNode()
                .put("sub", subject)
                .put("exp", Instant.now().plus(validity).getEpochSecond());
        channels.forEach(claims.putArray("channels")::add);
        String signingInput = base64Url(header.toString()) + "." + base64Url(claims.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Calls the server API method {@code method} (e.g. "publish") with a JSON body and returns the response
     * body. Throws when the HTTP status is not 200 or the reply carries an {@code error}.
     */
    public String api(String method, String jsonBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/" + method))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || CentrifugoConfig.JSON.readTree(response.body()).has("error")) {
            throw new IOException("Centrifugo API " + method + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** Publishes {@code dataJson} (any JSON value) to {@code channel} through the server API. */
    public String publish(String channel, String dataJson) throws IOException, InterruptedException {
        ObjectNode body = CentrifugoConfig.JSON.createObjectNode().put("channel", channel);
        body.set("data", CentrifugoConfig.JSON.readTree(dataJson));
        return api("publish", body.toString());
    }

    @Override
    public void close() {
        try {
            stopper.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop Centrifugo at " + url, e);
        }
    }

    @Override
    public String toString() {
        return "CentrifugoServer[url=" + url + ", source=" + source + "]";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
