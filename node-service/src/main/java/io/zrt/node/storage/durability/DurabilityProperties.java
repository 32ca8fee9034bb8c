package io.zrt.node.storage.durability;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a write counts as done, and therefore when the Node may answer 201: {@code zrt.node.durability.*}.
 *
 * @param writeConcern  {@code majority} (default: the write survives the loss of the primary) or a number of
 *                      replica-set members that must have it; overrides any {@code w} in the connection string
 * @param journal       wait for the on-disk journal as well (default true)
 * @param writeTimeout  how long a write may wait for its write concern before the request fails with 503
 *                      (default 10 s); the write may still complete later, so the client retries the same frame
 * @param embeddedFsync on the embedded store, force each commit to the disk (default true); false survives a
 *                      crash of the Node's process but not of the machine
 */
@Validated
@ConfigurationProperties("zrt.node.durability")
public record DurabilityProperties(
        @DefaultValue("majority") @NotBlank @Pattern(regexp = "majority|[1-9][0-9]?") String writeConcern,
        @DefaultValue("true") boolean journal,
        @DefaultValue("10s") Duration writeTimeout,
        @DefaultValue("true") boolean embeddedFsync) {
}
