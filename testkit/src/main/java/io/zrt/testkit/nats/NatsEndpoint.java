package io.zrt.testkit.nats;

/**
 * Where a test NATS server listens.
 *
 * @param url client URL such as {@code nats://127.0.0.1:4222}
 * @param source how it was provided: "environment", "binary &lt;path&gt;" or "testcontainers"
 */
public record NatsEndpoint(String url, String source) {
}
