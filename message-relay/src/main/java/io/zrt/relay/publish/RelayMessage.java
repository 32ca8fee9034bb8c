package io.zrt.relay.publish;

import io.zrt.protocol.rules.PushMessageId;
import io.zrt.relay.state.StoredFrame;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The JetStream message for one frame: subject {@code <prefix>.<namespace>.<groupId>}, the de-duplication and
 * Centrifugo headers (both {@code <groupId>:<seq>:<digest>}, {@link PushMessageId}: a re-publish of the same
 * frame is dropped, a different frame at the same seq is not mistaken for it), and the JSON body
 * {@code {"seq":…,"epoch":…,"frame":"<base64 SPFrame>"}}.
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
        String key = PushMessageId.of(frame.groupId(), frame.seq(), frame.spFrame());
        Map<String, String> headers = Map.of(
                MSG_ID, key,
                CHANNELS, namespace + ":" + frame.groupId(),
                IDEMPOTENCY_KEY, key);
        // Numbers and standard base64 need no JSON escaping, so the body is written directly.
        String json = "{\"seq\":" + frame.seq() + ",\"epoch\":" + frame.epoch() + ",\"frame\":\""
                + Base64.getEncoder().encodeToString(frame.spFrame()) + "\"}";
        return new RelayMessage(subject(subjectPrefix, namespace, frame.groupId()), headers,
                json.getBytes(StandardCharsets.US_ASCII));
    }

    /** The subject of a group's messages. */
    public static String subject(String subjectPrefix, String namespace, String groupId) {
        return subjectPrefix + "." + namespace + "." + groupId;
    }
}
