package io.zrt.node.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Binding and validation of {@code zrt.node.branch-proofs}: bad settings stop the application context. */
class BranchProofPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BranchProofProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    @Test
    void defaults() {
        runner.run(context -> assertThat(context.getBean(BranchProofProperties.class))
                .isEqualTo(new BranchProofProperties(16, 64, 0, Duration.ofSeconds(30))));
    }

    @Test
    void workerThreadsZeroMeansOnePerProcessor() {
        assertThat(new BranchProofProperties(16, 64, 0, Duration.ofSeconds(1)).effectiveWorkerThreads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new BranchProofProperties(16, 64, 3, Duration.ofSeconds(1)).effectiveWorkerThreads()).isEqualTo(3);
    }

    @Test
    void boundSettings() {
        runner.withPropertyValues("zrt.node.branch-proofs.max-batch=4", "zrt.node.branch-proofs.queue-capacity=9",
                "zrt.node.branch-proofs.worker-threads=2", "zrt.node.branch-proofs.max-wait=5s")
                .run(context -> assertThat(context.getBean(BranchProofProperties.class))
                        .isEqualTo(new BranchProofProperties(4, 9, 2, Duration.ofSeconds(5))));
    }

    @Test
    void invalidSettingsAreRefused() {
        for (String bad : new String[] {"max-batch=0", "max-batch=257", "queue-capacity=0", "worker-threads=-1",
                "max-wait=0s", "max-wait=-1s"}) {
            runner.withPropertyValues("zrt.node.branch-proofs." + bad)
                    .run(context -> assertThat(context).as(bad).hasFailed());
        }
    }
}
