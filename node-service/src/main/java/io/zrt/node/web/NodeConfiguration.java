package io.zrt.node.web;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zrt.node.challenges.ChallengeService;
import io.zrt.node.frames.FrameIngest;
import io.zrt.node.frames.FrameReader;
import io.zrt.node.groups.GroupStates;
import io.zrt.node.guard.ClientAddresses;
import io.zrt.node.guard.RequestGuardFilter;
import io.zrt.node.guard.VerificationGate;
import io.zrt.node.proofs.BatchingBranchVerifier;
import io.zrt.node.push.PushTokenService;
import io.zrt.node.ratelimit.RateLimiter;
import io.zrt.node.storage.ChallengeStore;
import io.zrt.node.storage.Collections;
import io.zrt.node.storage.FrameLog;
import io.zrt.node.storage.SnapshotStore;
import io.zrt.node.storage.TreeStore;
import io.zrt.protocol.rules.SchnorrVerifier;
import io.zrt.protocol.rules.SignatureVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Wires the Node's plain classes together; none of them keeps state that correctness depends on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeProperties.class)
public class NodeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    SignatureVerifier signatureVerifier() {
        return SchnorrVerifier.INSTANCE;
    }

    @Bean
    Collections collections(MongoClient client, NodeProperties properties) {
        Collections collections = new Collections(client, properties.database());
        collections.ensureIndexes();
        return collections;
    }

    @Bean
    FrameLog frameLog(Collections c) {
        return new FrameLog(c);
    }

    @Bean
    SnapshotStore snapshotStore(Collections c) {
        return new SnapshotStore(c);
    }

    @Bean
    TreeStore treeStore(Collections c) {
        return new TreeStore(c);
    }

    @Bean
    ChallengeStore challengeStore(Collections c) {
        return new ChallengeStore(c);
    }

    @Bean
    GroupStates groupStates(SnapshotStore s, FrameLog l, TreeStore t) {
        return new GroupStates(s, l, t);
    }

    @Bean
    FrameIngest frameIngest(GroupStates g, FrameLog l, TreeStore t, SnapshotStore s, SignatureVerifier v,
            BatchingBranchVerifier branchProofs, RateLimiter limiter, Clock c) {
        return new FrameIngest(g, l, t, s, v, branchProofs, limiter, c);
    }

    @Bean
    ChallengeService challengeService(ChallengeStore store, GroupStates g, SignatureVerifier v, SecureRandom r,
            RateLimiter limiter, Clock c, NodeProperties p) {
        return new ChallengeService(store, g, v, r, limiter, c, p.challengeLifetime());
    }

    @Bean
    FrameReader frameReader(FrameLog l, GroupStates g, ChallengeService c) {
        return new FrameReader(l, g, c);
    }

    @Bean
    PushTokenService pushTokenService(ChallengeService c, GroupStates g, NodeProperties p, Clock clock,
            SecureRandom r, JsonMapper json) {
        return new PushTokenService(c, g, p.push().hmacSecret(), p.push().tokenLifetime(), p.push().namespace(),
                clock, r, json::writeValueAsString);
    }

    @Bean
    RateLimiter rateLimiter(Collections c, Clock clock, NodeProperties p) {
        NodeProperties.RateLimit limits = p.rateLimit();
        return new RateLimiter(c.rateLimits(), clock, limits.window(), Map.of(
                RateLimiter.Scope.GROUP_FRAMES, limits.framesPerGroup(),
                RateLimiter.Scope.GROUP_CHALLENGES, limits.challengesPerGroup(),
                RateLimiter.Scope.CLIENT_ADDRESS, limits.perClientAddress()));
    }

    @Bean
    VerificationGate verificationGate(NodeProperties p) {
        return new VerificationGate(p.verifications().maxConcurrent(), p.verifications().maxConcurrentPerAddress());
    }

    @Bean
    FilterRegistrationBean<RequestGuardFilter> requestGuardFilter(RateLimiter limiter, VerificationGate gate,
            NodeProperties p, JsonMapper json, ObjectProvider<MeterRegistry> registry) {
        ClientAddresses addresses = new ClientAddresses(p.clientAddress().trustedProxies(), p.clientAddress().header());
        FilterRegistrationBean<RequestGuardFilter> registration = new FilterRegistrationBean<>(new RequestGuardFilter(
                limiter, gate, addresses, p.maxFrameSize().toBytes(), p.maxRequestBody().toBytes(), json,
                registry.getIfAvailable(SimpleMeterRegistry::new)));
        registration.addUrlPatterns("/v1/*");
        // Right after the request id (so refusals are logged with it), before anything reads the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Named so that Spring Boot's own MongoDB indicator (which needs {@code hello}) backs off. */
    @Bean(name = "mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoClient client, NodeProperties p) {
        return new MongoPingHealthIndicator(client, p.database());
    }
}
