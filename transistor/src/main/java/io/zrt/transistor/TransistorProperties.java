package io.zrt.transistor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code zrt.transistor}. Invalid values stop the application at start-up.
 *
 * @param maxTransferSize largest accepted transfer request body (the whole JSON:API document)
 * @param maxBlobSize largest accepted blob
 * @param ttl how long an unread transfer or blob stays readable
 * @param sweepInterval pause between two runs of the expiry sweep
 * @param embedded the embedded PostgreSQL of the {@code local} profile, used when no
 *        {@code spring.datasource.url} is configured
 */
@Validated
@ConfigurationProperties("zrt.transistor")
public record TransistorProperties(
        @NotNull @DefaultValue("1MB") DataSize maxTransferSize,
        @NotNull @DefaultValue("16MB") DataSize maxBlobSize,
        @NotNull @DefaultValue("24h") Duration ttl,
        @NotNull @DefaultValue("5m") Duration sweepInterval,
        @NotNull @Valid @DefaultValue Embedded embedded) {

    public TransistorProperties {
        requirePositive("max-transfer-size", maxTransferSize.toBytes());
        requirePositive("max-blob-size", maxBlobSize.toBytes());
        requirePositive("ttl", ttl.toMillis());
        if (sweepInterval.toMillis() < 100) {
            throw new IllegalArgumentException("zrt.transistor.sweep-interval must be at least 100ms");
        }
    }

    /** @param dataDir PostgreSQL data directory; kept between restarts */
    public record Embedded(@NotNull @DefaultValue("./data/transistor-pg") Path dataDir) {
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("zrt.transistor." + name + " must be positive");
        }
    }
}
