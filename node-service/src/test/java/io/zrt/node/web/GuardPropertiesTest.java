package io.zrt.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding and validation of the abuse limits under {@code zrt.node}: bad settings stop the application context. */
class GuardPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void defaultsCountEveryClientAddressAndCapEveryBody() {
        runner.run(context -> {
            NodeProperties p = context.getBean(NodeProperties.class);
            assertThat(p.rateLimit().perClientAddress()).isEqualTo(2400);
            assertThat(p.rateLimit().framesPerGroup()).isEqualTo(1200);
            assertThat(p.rateLimit().challengesPerGroup()).isEqualTo(1200);
            assertThat(p.clientAddress().trustedProxies()).isEmpty();
            assertThat(p.clientAddress().header()).isEqualTo("X-Forwarded-For");
            assertThat(p.verifications().maxConcurrent()).isEqualTo(128);
            assertThat(p.verifications().maxConcurrentPerAddress()).isEqualTo(32);
            assertThat(p.maxFrameSize().toBytes()).isEqualTo(1024 * 1024);
            assertThat(p.maxRequestBody().toBytes()).isEqualTo(64 * 1024);
        });
    }

    @Test
    void boundSettings() {
        runner.withPropertyValues("zrt.node.client-address.trusted-proxies=10.0.0.0/8,::1",
                "zrt.node.client-address.header=X-Real-IP", "zrt.node.verifications.max-concurrent=3",
                "zrt.node.max-request-body=1KB").run(context -> {
                    NodeProperties p = context.getBean(NodeProperties.class);
                    assertThat(p.clientAddress().trustedProxies()).isEqualTo(List.of("10.0.0.0/8", "::1"));
                    assertThat(p.clientAddress().header()).isEqualTo("X-Real-IP");
                    assertThat(p.verifications().maxConcurrent()).isEqualTo(3);
                    assertThat(p.maxRequestBody().toBytes()).isEqualTo(1024);
                });
    }

    @Test
    void invalidSettingsAreRefused() {
        for (String bad : new String[] {"client-address.trusted-proxies=lb.internal", "client-address.header= ",
                "client-address.trusted-proxies=10.0.0.0/40", "verifications.max-concurrent=0",
                "verifications.max-concurrent-per-address=0", "rate-limit.per-client-address=-1",
                "rate-limit.frames-per-group=-5", "max-request-body=0", "max-frame-size=100MB"}) {
            runner.withPropertyValues("zrt.node." + bad).run(context -> assertThat(context).as(bad).hasFailed());
        }
    }
}
