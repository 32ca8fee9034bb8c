package io.zrt.relay.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Centrifugo connection JWT as the Node issues it: HS256 with claims sub, exp and channels. */
public final class Hs256Token {

    private Hs256Token() {
    }

    public static String issue(String secret, String subject, List<String> channels, Duration validity) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String channelArray = channels.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"sub\":\"" + subject + "\",\"exp\":" + Instant.now().plus(validity).getEpochSecond()
                + ",\"channels\":" + channelArray + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
