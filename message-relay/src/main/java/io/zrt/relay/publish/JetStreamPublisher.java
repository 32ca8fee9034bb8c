package io.zrt.relay.publish;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.zrt.relay.RelayProperties;
import io.zrt.relay.state.StoredFrame;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes frames to JetStream with the headers of the design and waits for the acknowledgement. */
public class JetStreamPublisher implements FramePublisher {

    private static final Logger log = LoggerFactory.getLogger(JetStreamPublisher.class);
    /** JetStream API error code for "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;

    private final Connection connection;
    private final JetStream jetStream;
    private final RelayProperties properties;

    public JetStreamPublisher(Connection connection, RelayProperties properties) throws IOException {
        this.connection = connection;
        this.jetStream = connection.jetStream();
        this.properties = properties;
    }

    /**
     * Creates the stream when missing (file storage, subjects {@code <prefix>.>}, the configured de-duplication
     * window). An existing stream is left as the operator configured it, apart from a warning when its
     * duplicate window is shorter than ours.
     */
    public void ensureStream() throws IOException, JetStreamApiException {
        RelayProperties.Nats nats = properties.nats();
        JetStreamManagement management = connection.jetStreamManagement();
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
}
