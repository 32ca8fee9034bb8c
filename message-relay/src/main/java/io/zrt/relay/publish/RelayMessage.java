package io.zrt.relay.publish;

import io.zrt.relay.state.StoredFrame;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The JetStream message for one frame: subject {@code <prefix>.<namespace>.<groupId>}, the de-duplication and
 * Centrifugo headers, and the JSON body {@code {"seq":…,"epoch":…,"frame":"<base64 SPFrame>"}}.
 */
public record RelayMessage(String subject, Map<String, String> headers, byte[] body) {

    public static final String MSG_ID = "Nats-Msg-Id";
    public static final String CHANNELS = "centrifugo-channels";
    public static final String IDEMPOTENCY_KEY = "centrifugo-idempotency-key";

    public RelayMessage {
        headers = Map.copyOf(headers);
    }

    /** Builds the message of {@code frame} for namespace {@code namespace}. */
    public static RelayMessage of(StoredFrame frame, String subjectPrefix, String namespace) {
        String key = frame.key();
        Map<String, String> headers = Map.of(
                MSG_ID, key,
                CHANNELS, namespace + ":" + frame.groupId(),
                IDEMPOTENCY_KEY, key);
        // Numbers and standard base64 need no JSON escaping, so the body is written directly.
        String json = "{\"seq\":" + frame.seq() + ",\"epoch\":" + frame.epoch() + ",\"frame\":\""
                + Base64.getEncoder().encodeToString(frame.spFrame()) + "\"}";
        return new RelayMessage(subjectPrefix + "." + namespace + "." + frame.groupId(), headers,
                json.getBytes(StandardCharsets.US_ASCII));
    }
}
