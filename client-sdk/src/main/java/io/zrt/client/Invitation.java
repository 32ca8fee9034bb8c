package io.zrt.client;

/**
 * An identified invite, made with X3DH for one invitee's prekey bundle: the signed {@code Invite} bytes. They
 * reveal nothing without the invitee's identity and prekey secrets, so the application may deliver them over
 * any channel (or through Transistor). The invitee opens them with {@link ZrtClient#acceptInvite}.
 *
 * @param inviteeUserId the invitee's user id
 * @param leaf          heap index of the invitee's new leaf
 */
public record Invitation(byte[] invite, String inviteeUserId, long leaf) {

    public Invitation {
        invite = invite.clone();
    }

    @Override
    public byte[] invite() {
        return invite.clone();
    }
}
