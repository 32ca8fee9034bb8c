package io.zrt.client;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An identified invite, made with X3DH for one invitee's prekey bundle: the signed {@code Invite} bytes. They
 * reveal nothing without the invitee's identity and prekey secrets, so the application may deliver them over
 * any channel (or through Transistor). The invitee opens them with {@link ZrtClient#acceptInvite}.
 *
 * @param inviteId      the owner's {@link PendingInvite} id (to issue the invite again until the invitee joined)
 * @param inviteeUserId the invitee's user id
 * @param leaf          heap index of the invitee's new leaf
 */
public record Invitation(String inviteId, byte[] invite, String inviteeUserId, long leaf) {

    public Invitation {
        invite = invite.clone();
    }

    @Override
    public byte[] invite() {
        return invite.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Invitation other && inviteId.equals(other.inviteId)
                && MessageDigest.isEqual(invite, other.invite) && inviteeUserId.equals(other.inviteeUserId)
                && leaf == other.leaf;
    }

    @Override
    public int hashCode() {
        return inviteId.hashCode() * 31 + Arrays.hashCode(invite);
    }

    @Override
    public String toString() {
        return "Invitation[inviteId=" + inviteId + ", inviteeUserId=" + inviteeUserId + ", leaf=" + leaf
                + ", " + invite.length + " bytes]";
    }
}
