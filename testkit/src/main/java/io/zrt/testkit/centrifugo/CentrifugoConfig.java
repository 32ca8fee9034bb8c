package io.zrt.testkit.centrifugo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a test Centrifugo v6. Immutable; every {@code with...} returns a changed copy.
 *
 * <p>The config file is built in three layers: a base (the {@linkplain #withBaseConfig(Path) caller's file},
 * e.g. the project's infra config, or else a default with namespace {@code personal}); then the settings
 * the testkit must control (listen address and port, internal endpoints on that same port, API key, token
 * HMAC secret, {@code uni_sse}, health endpoint, the optional NATS JetStream consumer); then the caller's
 * {@linkplain #withSetting overrides}.
 */
public final class CentrifugoConfig {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path baseConfig;
    private final String apiKey;
    private final String tokenSecret;
    private final NatsConsumer natsConsumer;
    private final List<ObjectNode> overrides;
    private final Map<String, String> environment;

    /**
     * A JetStream consumer in publication data mode: message bodies are published as-is to the channels
     * named in the {@code centrifugo-channels} header.
     */
    public record NatsConsumer(String natsUrl, String streamName, List<String> subjects, String durableName) {
        public NatsConsumer {
            Objects.requireNonNull(natsUrl, "natsUrl");
            Objects.requireNonNull(streamName, "streamName");
            subjects = List.copyOf(subjects);
            Objects.requireNonNull(durableName, "durableName");
        }
    }

    private CentrifugoConfig(Path baseConfig, String apiKey, String tokenSecret, NatsConsumer natsConsumer,
            List<ObjectNode> overrides, Map<String, String> environment) {
        this.baseConfig = baseConfig;
        this.apiKey = apiKey;
        this.tokenSecret = tokenSecret;
        this.natsConsumer = natsConsumer;
        this.overrides = List.copyOf(overrides);
        this.environment = Map.copyOf(environment);
    }

    /** Random API key and token secret, namespace {@code personal} with history and recovery, no consumer. */
    public static CentrifugoConfig defaults() {
        return new CentrifugoConfig(null, randomSecret(), randomSecret(), null, List.of(), Map.of());
    }

    /** Starts from this JSON config file instead of the built-in default (namespaces etc. then come from it). */
    public CentrifugoConfig withBaseConfig(Path file) {
        return new CentrifugoConfig(file, apiKey, tokenSecret, natsConsumer, overrides, environment);
    }

    public CentrifugoConfig withApiKey(String key) {
        return new CentrifugoConfig(baseConfig, key, tokenSecret, natsConsumer, overrides, environment);
    }

    public CentrifugoConfig withTokenSecret(String secret) {
        return new CentrifugoConfig(baseConfig, apiKey, secret, natsConsumer, overrides, environment);
    }

    /** Adds a {@code nats_jetstream} consumer of {@code streamName} in publication data mode. */
    public CentrifugoConfig withNatsJetStreamConsumer(String natsUrl, String streamName, String... subjects) {
        NatsConsumer consumer = new NatsConsumer(natsUrl, streamName, List.of(subjects), "centrifugo-testkit");
        return new CentrifugoConfig(baseConfig, apiKey, tokenSecret, consumer, overrides, environment);
    }

    /**
     * Sets one key, addressed by a dotted path such as {@code "channel.namespaces"} or
     * {@code "log.level"}; {@code value} is anything Jackson can turn into JSON. Applied last.
     */
    public CentrifugoConfig withSetting(String dottedPath, Object value) {
        ObjectNode patch = JSON.createObjectNode();
        ObjectNode cursor = patch;
        String[] parts = dottedPath.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            cursor = cursor.putObject(parts[i]);
        }
        cursor.set(parts[parts.length - 1], JSON.valueToTree(value));
        return withMerged(patch);
    }

    /** Deep-merges a JSON object into the config (objects merge, everything else replaces). Applied last. */
    public CentrifugoConfig withMerged(String jsonObject) {
        try {
            return withMerged((ObjectNode) JSON.readTree(jsonObject));
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + jsonObject, e);
        }
    }

    private CentrifugoConfig withMerged(ObjectNode patch) {
        List<ObjectNode> more = new ArrayList<>(overrides);
        more.add(patch.deepCopy());
        return new CentrifugoConfig(baseConfig, apiKey, tokenSecret, natsConsumer, more, environment);
    }

    /** An environment variable for the Centrifugo process (inherited CENTRIFUGO_* variables are removed). */
    public CentrifugoConfig withEnvironment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new CentrifugoConfig(baseConfig, apiKey, tokenSecret, natsConsumer, overrides, more);
    }

    public String apiKey() {
        return apiKey;
    }

    public String tokenSecret() {
        return tokenSecret;
    }

    Map<String, String> environment() {
        return environment;
    }

    NatsConsumer natsConsumer() {
        return natsConsumer;
    }

    /** The complete config for a server listening on {@code address:port}, with {@code natsUrl} for the consumer. */
    ObjectNode render(String address, int port, String consumerNatsUrl) {
        ObjectNode config = baseConfig != null ? readBase(baseConfig) : builtInDefault();
        ObjectNode fixed = JSON.createObjectNode();
        // Internal endpoints (health, metrics, server API) on the one port the testkit knows: a base config such
        // as infra/centrifugo/config.json moves them to a fixed internal port, which would collide between tests.
        fixed.putObject("http_server").put("address", address).put("port", port)
                .put("internal_address", "").put("internal_port", "");
        fixed.putObject("http_api").put("key", apiKey);
        fixed.putObject("client").putObject("token").put("hmac_secret_key", tokenSecret);
        fixed.putObject("uni_sse").put("enabled", true);
        fixed.putObject("health").put("enabled", true);
        if (natsConsumer != null) {
            ArrayNode consumers = fixed.putArray("consumers");
            ObjectNode consumer = consumers.addObject().put("name", "events").put("enabled", true)
                    .put("type", "nats_jetstream");
            ObjectNode jetStream = consumer.putObject("nats_jetstream")
                    .put("url", consumerNatsUrl)
                    .put("stream_name", natsConsumer.streamName())
                    .put("durable_consumer_name", natsConsumer.durableName())
                    // "all": a message published before the consumer exists is still delivered
                    .put("deliver_policy", "all");
            ArrayNode subjects = jetStream.putArray("subjects");
            natsConsumer.subjects().forEach(subjects::add);
            jetStream.putObject("publication_data_mode").put("enabled", true);
        }
        merge(config, fixed);
        overrides.forEach(patch -> merge(config, patch));
        return config;
    }

    private static ObjectNode builtInDefault() {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("log").put("level", "info");
        ObjectNode personal = config.putObject("channel").putArray("namespaces").addObject();
        personal.put("name", "personal")
                .put("history_size", 100)
                .put("history_ttl", "300s")
                .put("force_recovery", true);
        return config;
    }

    private static ObjectNode readBase(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("Centrifugo base config is not a JSON object: " + file);
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Centrifugo base config " + file, e);
        }
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        patch.properties().forEach(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode patchObject) {
                merge(existingObject, patchObject);
            } else {
                target.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "CentrifugoConfig[base=" + baseConfig + ", consumer=" + natsConsumer + ", overrides=" + overrides.size()
                + "]";
    }
}
