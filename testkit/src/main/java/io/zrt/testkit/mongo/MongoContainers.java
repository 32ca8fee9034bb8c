package io.zrt.testkit.mongo;

import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Settings;
import org.testcontainers.mongodb.MongoDBContainer;

/** The Testcontainers variant; loaded only when a Docker engine is present. */
public final class MongoContainers {

    /** The default image (ZRT_MONGO_IMAGE overrides it): the MongoDB docker-compose.yml runs; e2e-tests checks that they agree. */
    public static final String DEFAULT_IMAGE = "mongo:8.0";

    private MongoContainers() {
    }

    public static MongoEndpoint start() {
        String image = Settings.get("ZRT_MONGO_IMAGE").orElse(DEFAULT_IMAGE);
        MongoDBContainer container = new MongoDBContainer(image);
        container.start();
        Cleanup.atExit(container::stop);
        return new MongoEndpoint(container.getReplicaSetUrl().replaceFirst("/test$", ""), "testcontainers " + image,
                true);
    }
}
