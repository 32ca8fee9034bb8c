package io.zrt.client;

import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * An unidentified invite: the id of a read-once Transistor transfer that holds the encrypted invite, and the key
 * that decrypts it. The application hands both to the invitee out of band (link, QR code); whoever holds the
 * ticket can join, once. Text form: {@code zrt-invite:1:<transfer uuid>:<base64url key>}.
 * {@link #toString()} hides the key.
 */
public final class InviteTicket {

    private static final String PREFIX = "zrt-invite:1:";

    private final UUID transferId;
    private final byte[] key;

    public InviteTicket(UUID transferId, byte[] key) {
        this.transferId = Objects.requireNonNull(transferId);
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("an invite key is 32 bytes");
        }
        this.key = key.clone();
    }

    public UUID transferId() {
        return transferId;
    }

    public byte[] key() {
        return key.clone();
    }

    /** The text to share out of band (secret). */
    public String encode() {
        return PREFIX + transferId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Strict decoding of {@link #encode()}. */
    public static InviteTicket decode(String text) throws StateFormatException {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new StateFormatException("not a ZRT invite ticket");
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2 || parts[0].length() != 36 || parts[1].length() != 43) {
            throw new StateFormatException("invite ticket has the wrong shape");
        }
        try {
            UUID id = UUID.fromString(parts[0]);
            if (!id.toString().equals(parts[0])) {
                throw new StateFormatException("invite ticket id is not a canonical UUID");
            }
            byte[] key = Base64.getUrlDecoder().decode(parts[1]);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(key).equals(parts[1])) {
                throw new StateFormatException("invite ticket key is not canonical base64url");
            }
            return new InviteTicket(id, key);
        } catch (IllegalArgumentException e) {
            throw new StateFormatException("invite ticket holds an invalid id or key");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InviteTicket other && transferId.equals(other.transferId)
                && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return transferId.hashCode();
    }

    @Override
    public String toString() {
        return "InviteTicket[transfer=" + transferId + ", key redacted]";
    }

}
