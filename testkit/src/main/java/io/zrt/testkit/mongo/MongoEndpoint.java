package io.zrt.testkit.mongo;

/**
 * Where a test MongoDB listens.
 *
 * @param uri connection string without a database name
 * @param source "environment", "testcontainers &lt;image&gt;" or "embedded mongo-java-server"
 * @param realMongo true for a real MongoDB (transactions, TTL and partial indexes behave as in production)
 */
public record MongoEndpoint(String uri, String source, boolean realMongo) {
}
