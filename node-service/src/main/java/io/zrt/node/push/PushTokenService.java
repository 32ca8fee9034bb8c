package io.zrt.node.push;

import io.zrt.node.challenges.ChallengeService;
import io.zrt.node.challenges.ReadProof;
import io.zrt.node.frames.GroupConflictException;
import io.zrt.node.groups.GroupState;
import io.zrt.node.groups.GroupStates;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import io.zrt.protocol.rules.ReadAuthorization;
import io.zrt.protocol.rules.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Centrifugo connection tokens (HS256 JWT) for the groups a caller proves membership of. Each group needs its
 * own read proof with the tree key of the group's current epoch: a member removed at some epoch still knows
 * older tree keys, and must not obtain a live subscription with them.
 */
public final class PushTokenService {

    public static final int MAX_GROUPS = 100;
    /** HS256 keys shorter than the hash output are weak (RFC 7518 section 3.2 requires at least 256 bits). */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public record GroupProof(GroupId group, ReadProof proof) {
    }

    public record PushToken(String token, Instant expiresAt, List<String> channels) {
    }

    /** Raised when no HMAC secret is configured: the endpoint is off rather than signing with a weak key. */
    public static final class PushDisabledException extends RuntimeException {
        PushDisabledException() {
            super("push tokens are disabled: no HMAC secret configured");
        }
    }

    private final ChallengeService challenges;
    private final GroupStates groups;
    private final byte[] secret;
    private final Duration lifetime;
    private final String namespace;
    private final Clock clock;
    private final SecureRandom random;
    private final JsonWriter json;

    /** Minimal JSON writer supplied by the web layer (keeps this class free of a JSON library choice). */
    public interface JsonWriter {
        String write(Map<String, Object> value);
    }

    public PushTokenService(ChallengeService challenges, GroupStates groups, String hmacSecret, Duration lifetime,
            String namespace, Clock clock, SecureRandom random, JsonWriter json) {
        this.challenges = challenges;
        this.groups = groups;
        this.secret = hmacSecret == null ? new byte[0] : hmacSecret.getBytes(StandardCharsets.UTF_8);
        // Empty means "push off" (503); a secret that is set but too short is a misconfiguration, refused at
        // start-up rather than silently turning push off. The message names the variable, never the value.
        if (secret.length > 0 && secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("ZRT_PUSH_HMAC_SECRET (zrt.node.push.hmac-secret) must be at least "
                    + MIN_SECRET_LENGTH + " bytes of UTF-8; it is " + secret.length);
        }
        this.lifetime = lifetime;
        this.namespace = namespace;
        this.clock = clock;
        this.random = random;
        this.json = json;
    }

    public boolean enabled() {
        return secret.length >= MIN_SECRET_LENGTH;
    }

    public PushToken issue(List<GroupProof> proofs) throws FrameRejectedException {
        if (!enabled()) {
            throw new PushDisabledException();
        }
        if (proofs.isEmpty() || proofs.size() > MAX_GROUPS) {
            throw new FrameRejectedException(Rejection.INVALID_FIELD, "between 1 and " + MAX_GROUPS + " groups");
        }
        LinkedHashSet<String> channels = new LinkedHashSet<>();
        for (GroupProof entry : proofs) {
            GroupState state = groups.load(entry.group())
                    .orElseThrow(() -> new FrameRejectedException(Rejection.UNKNOWN_GROUP, "no such group " + entry.group()));
            if (state.dropped()) {
                throw new FrameRejectedException(Rejection.GROUP_DROPPED, "group " + entry.group() + " was dropped");
            }
            // The proof first: only a caller who held the tree key of some epoch learns the current one (409).
            challenges.authorize(entry.group(), entry.proof(),
                    c -> ReadAuthorization.pushTokenDigest(entry.group(), c, entry.proof().epoch()), false);
            if (entry.proof().epoch() != state.epoch()) {
                throw new GroupConflictException(entry.proof().epoch() < state.epoch() ? Rejection.STALE_EPOCH
                        : Rejection.FUTURE_EPOCH, "push tokens need a proof at the current epoch", state.epoch(),
                        state.lastSeq());
            }
            channels.add(namespace + ":" + entry.group().text());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        byte[] subject = new byte[16];
        random.nextBytes(subject);
        List<String> channelList = new ArrayList<>(channels);
        String header = B64.encodeToString(json.write(Map.of("alg", "HS256", "typ", "JWT"))
                .getBytes(StandardCharsets.UTF_8));
        // A random subject: the Node knows no identities and must not let Centrifugo link connections.
        String payload = B64.encodeToString(json.write(Map.of(
                "sub", "zrt-" + HexFormat.of().formatHex(subject),
                "iat", now.getEpochSecond(),
                "exp", expiresAt.getEpochSecond(),
                "channels", channelList)).getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        return new PushToken(signingInput + "." + B64.encodeToString(hmac(signingInput)), expiresAt, channelList);
    }

    private byte[] hmac(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
