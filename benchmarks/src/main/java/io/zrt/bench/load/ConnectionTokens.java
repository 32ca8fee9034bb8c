package io.zrt.bench.load;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JSON Web Tokens (RFC 7519 with the RFC 7515 compact serialization) for the transport baseline's own
 * Centrifugo connection: it subscribes server-side to one probe channel through the {@code channels} claim,
 * signed with the push secret Centrifugo already trusts. Only the load test uses it; members get their tokens
 * from the Node.
 */
final class ConnectionTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private ConnectionTokens() {
    }

    /** A token for user {@code subject} subscribed to {@code channel} until {@code expires}. */
    static String forChannel(String secret, String subject, String channel, Instant expires) {
        requireSafe(subject);
        requireSafe(channel);
        String claims = "{\"sub\":\"" + subject + "\",\"exp\":" + expires.getEpochSecond() + ",\"channels\":[\""
                + channel + "\"]}";
        return sign(secret.getBytes(StandardCharsets.UTF_8), HEADER.getBytes(StandardCharsets.UTF_8),
                claims.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code base64url(header).base64url(claims).base64url(HMAC-SHA256(key, signing input))}. */
    static String sign(byte[] key, byte[] header, byte[] claims) {
        String signingInput = URL.encodeToString(header) + "." + URL.encodeToString(claims);
        return signingInput + "." + URL.encodeToString(mac(key, signingInput));
    }

    /** The signature of an already encoded signing input ({@code header.claims}), base64url. */
    static String signatureOf(byte[] key, String signingInput) {
        return URL.encodeToString(mac(key, signingInput));
    }

    private static byte[] mac(byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** The claims are written by hand, so only characters that need no JSON escaping are allowed in them. */
    private static void requireSafe(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c < 0x7f && (Character.isLetterOrDigit(c)
                || c == ':' || c == '-' || c == '_' || c == '.'))) {
            throw new IllegalArgumentException("unsupported characters in a token claim: " + value);
        }
    }
}
