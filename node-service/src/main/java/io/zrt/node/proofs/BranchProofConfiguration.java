package io.zrt.node.proofs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Node's branch-proof verifier; closed with the application context (its workers stop with it). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BranchProofProperties.class)
public class BranchProofConfiguration {

    @Bean(destroyMethod = "close")
    BatchingBranchVerifier batchingBranchVerifier(BranchProofProperties properties, SecureRandom random,
            ObjectProvider<MeterRegistry> registry) {
        return new BatchingBranchVerifier(properties, random, registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
