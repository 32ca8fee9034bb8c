package io.zrt.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.zrt.relay.health.LagMonitor;
import io.zrt.relay.health.RelayHealthIndicators;
import io.zrt.relay.health.RelayMetrics;
import io.zrt.relay.publish.JetStreamPublisher;
import io.zrt.relay.publish.SeqConflicts;
import io.zrt.relay.state.FrameStore;
import io.zrt.relay.state.LeaseStore;
import io.zrt.relay.state.ResumeTokenStore;
import io.zrt.relay.watch.RelayEngine;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the relay: MongoDB (Spring Boot's client, {@code spring.mongodb.uri}), NATS, the engine, health. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RelayConfiguration.class);

    /**
     * No MongoDB URI, no start: checked before any bean is made, so that a missing or misspelled
     * {@code SPRING_MONGODB_URI} stops the relay with this message instead of leaving it retrying localhost.
     */
    @Bean
    static BeanFactoryPostProcessor mongoUriRequired() {
        return beanFactory -> {
            String uri = beanFactory.getBean(Environment.class).getProperty("spring.mongodb.uri");
            if (uri == null || uri.isBlank()) {
                throw new IllegalStateException("No MongoDB configured: set spring.mongodb.uri (environment variable "
                        + "SPRING_MONGODB_URI) to the replica set the Node writes to, e.g. "
                        + "mongodb://mongo:27017/?replicaSet=rs0. The relay reads its change stream, so it needs "
                        + "the same MongoDB as the Node.");
            }
        };
    }

    @Bean
    MongoDatabase relayDatabase(MongoClient client, RelayProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }

    @Bean
    FrameStore frameStore(MongoDatabase relayDatabase, RelayProperties properties) {
        return new FrameStore(relayDatabase, properties.mongo().framesCollection());
    }

    @Bean
    LeaseStore leaseStore(MongoDatabase relayDatabase, RelayProperties properties) {
        return new LeaseStore(relayDatabase.getCollection(properties.mongo().stateCollection()));
    }

    @Bean
    ResumeTokenStore resumeTokenStore(MongoDatabase relayDatabase, RelayProperties properties) {
        return new ResumeTokenStore(relayDatabase.getCollection(properties.mongo().stateCollection()));
    }

    /** Connects in the background and reconnects forever: the relay starts even while NATS is down. */
    @Bean(destroyMethod = "close")
    Connection natsConnection(RelayProperties properties) throws IOException, InterruptedException {
        Options options = Options.builder()
                .server(properties.nats().url())
                .connectionName(properties.nats().connectionName())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(250))
                .connectionTimeout(Duration.ofSeconds(2))
                .connectionListener((connection, event) -> {
                    if (event == ConnectionListener.Events.DISCONNECTED) {
                        log.warn("NATS disconnected");
                    } else if (event == ConnectionListener.Events.RECONNECTED
                            || event == ConnectionListener.Events.CONNECTED) {
                        log.info("NATS {}", event.getEvent());
                    }
                })
                .build();
        return Nats.connectReconnectOnConnect(options);
    }

    @Bean
    JetStreamPublisher jetStreamPublisher(Connection natsConnection, RelayProperties properties) throws IOException {
        return new JetStreamPublisher(natsConnection, properties);
    }

    @Bean
    RelayMetrics relayMetrics(MeterRegistry registry) {
        return new RelayMetrics(registry);
    }

    @Bean
    SeqConflicts seqConflicts(RelayMetrics relayMetrics) {
        return new SeqConflicts(relayMetrics);
    }

    @Bean
    RelayEngine relayEngine(RelayProperties properties, FrameStore frameStore, LeaseStore leaseStore,
            ResumeTokenStore resumeTokenStore, JetStreamPublisher jetStreamPublisher, RelayMetrics relayMetrics,
            SeqConflicts seqConflicts) {
        return new RelayEngine(properties, frameStore, leaseStore, resumeTokenStore, jetStreamPublisher, relayMetrics,
                seqConflicts);
    }

    @Bean
    LagMonitor lagMonitor(FrameStore frameStore, RelayMetrics relayMetrics) {
        return new LagMonitor(frameStore, relayMetrics, Duration.ofSeconds(5));
    }

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase relayDatabase) {
        return RelayHealthIndicators.mongo(relayDatabase);
    }

    @Bean
    HealthIndicator natsHealthIndicator(Connection natsConnection) {
        return RelayHealthIndicators.nats(natsConnection);
    }

    @Bean
    HealthIndicator relayHealthIndicator(LagMonitor lagMonitor, RelayEngine relayEngine, RelayProperties properties,
            SeqConflicts seqConflicts) {
        return RelayHealthIndicators.relay(lagMonitor, relayEngine, properties.health().maxLag(), seqConflicts);
    }
}
