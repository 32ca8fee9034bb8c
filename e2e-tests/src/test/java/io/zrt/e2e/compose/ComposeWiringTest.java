package io.zrt.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The settings that must agree across services: shared secrets, the MongoDB replica set and database, the
 * JetStream stream, the Centrifugo consumer and namespace. A mismatch here would start cleanly and then fail
 * quietly (no push tokens accepted, no frames delivered), which is why it is checked before anything runs.
 */
class ComposeWiringTest {

    private static final Pattern SINGLE_REFERENCE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?][^}]*)?}$");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY|TOKEN).*");

    private final ComposeFile compose = RepoFiles.compose();
    private final Map<String, String> envExample = RepoFiles.envExample();
    private final Map<String, Object> centrifugoConfig = RepoFiles.json("infra/centrifugo/config.json");

    private String variableOf(String service, String env) {
        String value = compose.environment(service).get(env);
        assertThat(value).as("%s sets %s", service, env).isNotNull();
        var m = SINGLE_REFERENCE.matcher(value);
        assertThat(m.matches()).as("%s.%s is exactly one ${VAR} reference, is '%s'", service, env, value).isTrue();
        return m.group(1);
    }

    @Test
    void theNodeSignsPushTokensWithTheSecretCentrifugoVerifiesThemWith() {
        String node = variableOf("node-service", "ZRT_PUSH_HMAC_SECRET");
        String centrifugo = variableOf("centrifugo", "CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY");
        assertThat(node).isEqualTo(centrifugo);
        assertThat(envExample.get(node).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .as("the Node needs at least 32 bytes").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void transistorLogsInWithThePostgresContainersUserAndPassword() {
        assertThat(variableOf("transistor", "SPRING_DATASOURCE_PASSWORD"))
                .isEqualTo(variableOf("postgres", "POSTGRES_PASSWORD"));
        Map<String, String> pg = compose.environment("postgres");
        Map<String, String> transistor = compose.environment("transistor");
        assertThat(transistor.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(pg.get("POSTGRES_USER"));
        assertThat(transistor.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"));
        variableOf("centrifugo", "CENTRIFUGO_HTTP_API_KEY");
    }

    @Test
    void secretsAreNeverWrittenIntoTheComposeFileAndRequiredOnesFailFast() {
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    String variable = variableOf(service, name);
                    assertThat(value).as("%s.%s must refuse to start without a value", service, name)
                            .startsWith("${" + variable + ":?");
                }
            });
        }
        // The committed Centrifugo config leaves both secrets empty: they come from the environment.
        assertThat(path(centrifugoConfig, "client", "token", "hmac_secret_key")).isEqualTo("");
        assertThat(path(centrifugoConfig, "http_api", "key")).isEqualTo("");
    }

    @Test
    void theExampleEnvFileHoldsOnlyObviouslyFakeSecretsAndNothingUnused() {
        Set<String> used = ComposeRules.variableReferences(compose.text());
        assertThat(envExample.keySet()).as("variables in .env.example that compose never reads")
                .isSubsetOf(used);
        envExample.forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value).as(name).startsWith("EXAMPLE-ONLY-").contains("fake");
            }
        });
        assertThat(RepoFiles.read(".env.example")).contains("EXAMPLE VALUES ONLY");
        assertThat(RepoFiles.read(".gitignore").lines()).contains(".env");
    }

    @Test
    void everyMongoClientUsesTheReplicaSetOfTheMongoService() {
        List<String> command = compose.command("mongo");
        String replicaSet = command.get(command.indexOf("--replSet") + 1);
        assertThat(replicaSet).isEqualTo("rs0");

        int uris = 0;
        for (String service : compose.serviceNames()) {
            for (String value : compose.environment(service).values()) {
                if (value.startsWith("mongodb://")) {
                    uris++;
                    URI uri = URI.create(value);
                    assertThat(uri.getHost()).as(service).isEqualTo("mongo");
                    assertThat(uri.getPort()).as(service).isEqualTo(27017);
                    assertThat(uri.getQuery()).as(service).contains("replicaSet=" + replicaSet);
                }
            }
        }
        assertThat(uris).isEqualTo(2);
        assertThat(compose.environment("node-service").get("SPRING_MONGODB_URI"))
                .isEqualTo(compose.environment("message-relay").get("SPRING_MONGODB_URI"));
        assertThat(compose.environment("node-service").get("ZRT_NODE_DATABASE")).isNotBlank()
                .isEqualTo(compose.environment("message-relay").get("ZRT_RELAY_MONGO_DATABASE"));

        String init = RepoFiles.read("infra/mongo/replica-set.js");
        assertThat(init).contains("'" + replicaSet + "'").contains("'mongo:27017'").contains("rs.initiate(")
                .contains("isWritablePrimary");
    }

    @Test
    @SuppressWarnings("unchecked")
    void centrifugoConsumesTheRelaysStreamFromTheNatsService() {
        Map<String, Object> consumer = eventsConsumer();
        Map<String, Object> jetStream = ComposeFile.asMap(consumer.get("nats_jetstream"), "nats_jetstream");
        String stream = compose.environment("message-relay").get("ZRT_RELAY_NATS_STREAM");
        Map<String, Object> streamConfig = RepoFiles.json("infra/nats/events-stream.json");

        assertThat(stream).isEqualTo("EVENTS");
        assertThat(jetStream.get("stream_name")).isEqualTo(stream);
        assertThat(streamConfig.get("name")).isEqualTo(stream);
        assertThat((List<Object>) jetStream.get("subjects")).containsExactly("events.>");
        assertThat((List<Object>) streamConfig.get("subjects")).containsExactly("events.>");
        assertThat(streamConfig.get("storage")).isEqualTo("file");
        assertThat(((Number) streamConfig.get("duplicate_window")).longValue())
                .as("JetStream de-duplication must cover the relay's re-publish window (>= 2 min)")
                .isGreaterThanOrEqualTo(120_000_000_000L);

        Map<String, Object> dataMode = ComposeFile.asMap(jetStream.get("publication_data_mode"), "publication_data_mode");
        assertThat(dataMode.get("enabled")).isEqualTo(true);
        assertThat(dataMode.get("channels_header")).isEqualTo("centrifugo-channels");
        assertThat(dataMode.get("idempotency_key_header")).isEqualTo("centrifugo-idempotency-key");

        String override = "CENTRIFUGO_CONSUMERS_" + consumer.get("name").toString().toUpperCase() + "_NATS_JETSTREAM_URL";
        String effectiveUrl = compose.environment("centrifugo").getOrDefault(override, jetStream.get("url").toString());
        assertThat(List.of(URI.create(effectiveUrl), URI.create(jetStream.get("url").toString()),
                URI.create(compose.environment("message-relay").get("ZRT_RELAY_NATS_URL")),
                URI.create(compose.environment("nats-init").get("NATS_URL"))))
                .allSatisfy(uri -> {
                    assertThat(uri.getScheme()).isEqualTo("nats");
                    assertThat(uri.getHost()).isEqualTo("nats");
                    assertThat(uri.getPort()).isEqualTo(4222);
                });
    }

    @Test
    void nodeRelayAndCentrifugoAgreeOnTheChannelNamespace() {
        String namespace = compose.environment("node-service").get("ZRT_NODE_PUSH_NAMESPACE");
        assertThat(namespace).isEqualTo("personal")
                .isEqualTo(compose.environment("message-relay").get("ZRT_RELAY_NAMESPACE"));
        List<?> namespaces = (List<?>) path(centrifugoConfig, "channel", "namespaces");
        Map<String, Object> personal = namespaces.stream().map(n -> ComposeFile.asMap(n, "namespace"))
                .filter(n -> namespace.equals(n.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("Centrifugo has no namespace " + namespace));
        assertThat(((Number) personal.get("history_size")).intValue()).isPositive();
        assertThat(personal.get("history_ttl")).isNotNull();
        assertThat(personal.get("force_recovery")).isEqualTo(true);
    }

    @Test
    void centrifugoRunsTheCommittedConfigWithSseAndHealthEnabled() {
        List<String> command = compose.command("centrifugo");
        String configPath = command.get(command.indexOf("--config") + 1);
        assertThat(compose.volumes("centrifugo")).contains("./infra/centrifugo/config.json:" + configPath + ":ro");
        assertThat(path(centrifugoConfig, "uni_sse", "enabled")).isEqualTo(true);
        assertThat(path(centrifugoConfig, "health", "enabled")).isEqualTo(true);
        assertThat(path(centrifugoConfig, "http_server", "port")).isEqualTo(8000);
        assertThat(eventsConsumer().get("type")).isEqualTo("nats_jetstream");
        assertThat(eventsConsumer().get("enabled")).isEqualTo(true);
    }

    private Map<String, Object> eventsConsumer() {
        List<?> consumers = (List<?>) centrifugoConfig.get("consumers");
        assertThat(consumers).as("Centrifugo consumers").isNotNull().hasSize(1);
        return ComposeFile.asMap(consumers.get(0), "consumer");
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            current = ComposeFile.asMap(current, key).get(key);
        }
        return current;
    }
}
