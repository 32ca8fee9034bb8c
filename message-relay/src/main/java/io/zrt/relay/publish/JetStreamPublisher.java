package io.zrt.relay.publish;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.zrt.protocol.rules.PushMessageId;
import io.zrt.relay.RelayProperties;
import io.zrt.relay.state.StoredFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishes frames to JetStream with the headers of the design and waits for the acknowledgement. */
public class JetStreamPublisher implements FramePublisher, PublishedFrontier {

    private static final Logger log = LoggerFactory.getLogger(JetStreamPublisher.class);
    /** JetStream API error code for "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;
    /** JetStream API error code for "no message found". */
    private static final int NO_MESSAGE_FOUND = 10037;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final RelayProperties properties;

    public JetStreamPublisher(Connection connection, RelayProperties properties) throws IOException {
        this.jetStream = connection.jetStream();
        this.management = connection.jetStreamManagement();
        this.properties = properties;
    }

    /**
     * Creates the stream when missing (file storage, subjects {@code <prefix>.>}, the configured de-duplication
     * window). An existing stream is left as the operator configured it, apart from a warning when its
     * duplicate window is shorter than ours.
     */
    public void ensureStream() throws IOException, JetStreamApiException {
        RelayProperties.Nats nats = properties.nats();
        try {
            StreamInfo info = management.getStreamInfo(nats.stream());
            Duration window = info.getConfiguration().getDuplicateWindow();
            if (window != null && window.compareTo(nats.duplicateWindow()) < 0) {
                log.warn("stream {} has a duplicate window of {}, shorter than the configured {}", nats.stream(),
                        window, nats.duplicateWindow());
            }
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            try {
                management.addStream(StreamConfiguration.builder()
                        .name(nats.stream())
                        .subjects(List.of(nats.subjectPrefix() + ".>"))
                        .storageType(StorageType.File)
                        .duplicateWindow(nats.duplicateWindow())
                        .build());
                log.info("created JetStream stream {} for subjects {}.>", nats.stream(), nats.subjectPrefix());
            } catch (JetStreamApiException raced) {
                // another relay instance created it at the same moment: fine if it exists now
                management.getStreamInfo(nats.stream());
            }
        }
    }

    @Override
    public CompletableFuture<Ack> publish(StoredFrame frame) {
        RelayMessage message = RelayMessage.of(frame, properties.nats().subjectPrefix(), properties.namespace());
        Headers headers = new Headers();
        message.headers().forEach(headers::put);
        NatsMessage natsMessage = NatsMessage.builder().subject(message.subject()).headers(headers)
                .data(message.body()).build();
        CompletableFuture<Ack> result;
        try {
            result = jetStream.publishAsync(natsMessage)
                    .thenApply(ack -> new Ack(ack.getSeqno(), ack.isDuplicate()));
        } catch (RuntimeException e) {
            // e.g. the connection is closed: report like any other failed publish
            return CompletableFuture.failedFuture(e);
        }
        return result.orTimeout(properties.nats().publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The last message on the group's subject (a JetStream API request, made once per group and leadership
     * term). Its seq and digest are read from the body, so messages published before the digest was part of the
     * id are checked as well; a message that is not a relay body is reported and ignored.
     */
    @Override
    public Optional<Published> lastPublished(String groupId) {
        String subject = RelayMessage.subject(properties.nats().subjectPrefix(), properties.namespace(), groupId);
        MessageInfo last;
        try {
            last = management.getLastMessage(properties.nats().stream(), subject);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
                return Optional.empty();
            }
            throw new IllegalStateException("reading the last message of " + subject + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            JsonNode body = JSON.readTree(last.getData());
            long seq = body.required("seq").asLong();
            byte[] spFrame = Base64.getDecoder().decode(body.required("frame").asString());
            return Optional.of(new Published(seq, PushMessageId.digest(spFrame), last.getSeq()));
        } catch (RuntimeException e) {
            log.warn("stream message {} on {} is not a relay message; it is not checked for seq reuse: {}",
                    last.getSeq(), subject, e.toString());
            return Optional.empty();
        }
    }
}
