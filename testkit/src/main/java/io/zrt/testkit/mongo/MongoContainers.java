package io.zrt.testkit.mongo;

import io.zrt.testkit.internal.Cleanup;
import io.zrt.testkit.internal.Settings;
import org.testcontainers.mongodb.MongoDBContainer;

/** The Testcontainers variant; loaded only when a Docker engine is present. */
public final class MongoContainers {

    private MongoContainers() {
    }

    public static MongoEndpoint start() {
        String image = Settings.get("ZRT_MONGO_IMAGE").orElse("mongo:8.0");
        MongoDBContainer container = new MongoDBContainer(image);
        container.start();
        Cleanup.atExit(container::stop);
        return new MongoEndpoint(container.getReplicaSetUrl().replaceFirst("/test$", ""), "testcontainers " + image,
                true);
    }
}
