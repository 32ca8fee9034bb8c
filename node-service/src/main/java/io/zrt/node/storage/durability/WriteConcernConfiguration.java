package io.zrt.node.storage.durability;

import com.mongodb.WriteConcern;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Every write of the Node uses the configured write concern, so an acknowledged frame (and the state written
 * with it) is on a majority of the replica set and in its journal before the client hears 201. Ordered last, so
 * it wins over a {@code w} in the connection string: durability is the Node's decision, not a URI detail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DurabilityProperties.class)
public class WriteConcernConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer nodeWriteConcern(DurabilityProperties durability) {
        WriteConcern concern = writeConcern(durability);
        return settings -> settings.writeConcern(concern);
    }

    static WriteConcern writeConcern(DurabilityProperties durability) {
        WriteConcern base = "majority".equals(durability.writeConcern()) ? WriteConcern.MAJORITY
                : new WriteConcern(Integer.parseInt(durability.writeConcern()));
        return base.withJournal(durability.journal())
                .withWTimeout(durability.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
