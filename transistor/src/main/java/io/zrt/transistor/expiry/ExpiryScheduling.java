package io.zrt.transistor.expiry;

import io.zrt.transistor.TransistorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the expiry sweep every {@code zrt.transistor.sweep-interval}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryScheduling implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryScheduling.class);

    private final ExpirySweeper sweeper;
    private final TransistorProperties properties;

    ExpiryScheduling(ExpirySweeper sweeper, TransistorProperties properties) {
        this.sweeper = sweeper;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepSafely, properties.sweepInterval());
    }

    private void sweepSafely() {
        try {
            sweeper.sweep();
        } catch (RuntimeException e) {
            // a database hiccup must not stop future sweeps
            LOG.warn("expiry sweep failed; will retry after {}", properties.sweepInterval(), e);
        }
    }
}
