package io.zrt.client;

import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * An unidentified invite: the id of a read-once Transistor transfer that holds the encrypted invite, the leaf the
 * invite is for, and the key that decrypts it. The application hands the ticket to the invitee out of band (link,
 * QR code); whoever holds it can join, once. Text form, version 2: {@code
 * zrt-invite:2:<transfer uuid>:<leaf>:<base64url key>}; version 1 texts ({@code zrt-invite:1:<uuid>:<key>}) still
 * decode, with the leaf unknown ({@code -1}). {@link #toString()} hides the key.
 */
public final class InviteTicket {

    private static final String PREFIX_V1 = "zrt-invite:1:";
    private static final String PREFIX = "zrt-invite:2:";
    private static final long MAX_LEAF = Integer.MAX_VALUE;

    private final UUID transferId;
    private final long leaf;
    private final byte[] key;

    /** @param leaf the invite's leaf (heap index, at least 2), or -1 if unknown (a version 1 ticket) */
    public InviteTicket(UUID transferId, long leaf, byte[] key) {
        this.transferId = Objects.requireNonNull(transferId);
        if (leaf != -1 && (leaf < 2 || leaf > MAX_LEAF)) {
            throw new IllegalArgumentException("an invite's leaf is a heap index from 2 to 2^31 - 1, or -1");
        }
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("an invite key is 32 bytes");
        }
        this.leaf = leaf;
        this.key = key.clone();
    }

    public UUID transferId() {
        return transferId;
    }

    /**
     * The leaf the invite is for, as it names it (its position in the add's epoch; {@link PendingInvite#leaf()}
     * follows it if later adds move it), or -1 for a version 1 ticket. Redeeming checks the invite against it.
     */
    public long leaf() {
        return leaf;
    }

    public byte[] key() {
        return key.clone();
    }

    /** The text to share out of band (secret). */
    public String encode() {
        return PREFIX + transferId + ":" + leaf + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Strict decoding of {@link #encode()} (and of version 1 texts). */
    public static InviteTicket decode(String text) throws StateFormatException {
        boolean v1 = text != null && text.startsWith(PREFIX_V1);
        if (text == null || !(v1 || text.startsWith(PREFIX))) {
            throw new StateFormatException("not a ZRT invite ticket");
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length != (v1 ? 2 : 3) || parts[0].length() != 36 || parts[parts.length - 1].length() != 43) {
            throw new StateFormatException("invite ticket has the wrong shape");
        }
        try {
            UUID id = UUID.fromString(parts[0]);
            if (!id.toString().equals(parts[0])) {
                throw new StateFormatException("invite ticket id is not a canonical UUID");
            }
            long leaf = v1 ? -1 : leaf(parts[1]);
            String keyText = parts[parts.length - 1];
            byte[] key = Base64.getUrlDecoder().decode(keyText);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(key).equals(keyText)) {
                throw new StateFormatException("invite ticket key is not canonical base64url");
            }
            return new InviteTicket(id, leaf, key);
        } catch (IllegalArgumentException e) {
            throw new StateFormatException("invite ticket holds an invalid id, leaf or key");
        }
    }

    private static long leaf(String text) throws StateFormatException {
        if (!text.matches("[1-9][0-9]{0,9}")) {
            throw new StateFormatException("invite ticket leaf is not a canonical decimal number");
        }
        return Long.parseLong(text); // the constructor checks the range
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InviteTicket other && transferId.equals(other.transferId) && leaf == other.leaf
                && java.security.MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return transferId.hashCode();
    }

    @Override
    public String toString() {
        return "InviteTicket[transfer=" + transferId + ", leaf=" + leaf + ", key redacted]";
    }

}
