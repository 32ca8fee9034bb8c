package io.zrt.client.engine;

import io.zrt.client.PendingInvite;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.cortado.Scalar;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * What the owner keeps about one invite until its invitee joined: enough to build the signed invite again (and,
 * for an unidentified one, to seal and upload it) at any time. Secret: the leaf secret, the stage key of the
 * add's epoch and the transfer key.
 *
 * @param leaf               the invitee's leaf now (moves down when a later add extends it)
 * @param inviteLeaf         the leaf the invite names (its position at {@code epoch})
 * @param epoch              the add frame's epoch
 * @param stageKey           stk of {@code epoch}
 * @param ephemeralKey       identified: the X3DH ephemeral public key; unidentified: empty
 * @param inviteeIdentityKey identified: the invitee's identity key; unidentified: empty
 * @param inviteePrekey      identified: the invitee's signed prekey; unidentified: empty
 * @param transferId         unidentified: the Transistor transfer id; identified: null
 * @param transferKey        unidentified: the key sealing the transfer; identified: null
 * @param uploaded           unidentified: the transfer is known to be stored on Transistor
 */
public record InviteRecord(String id, PendingInvite.Kind kind, String inviteeUserId, long leaf, long inviteLeaf,
        long epoch, SecretBytes stageKey, Scalar leafSecret, byte[] ephemeralKey, byte[] inviteeIdentityKey,
        byte[] inviteePrekey, UUID transferId, SecretBytes transferKey, boolean uploaded) {

    public InviteRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(stageKey);
        Objects.requireNonNull(leafSecret);
        inviteeUserId = inviteeUserId == null ? "" : inviteeUserId;
        ephemeralKey = ephemeralKey.clone();
        inviteeIdentityKey = inviteeIdentityKey.clone();
        inviteePrekey = inviteePrekey.clone();
        if (kind == PendingInvite.Kind.UNIDENTIFIED) {
            Objects.requireNonNull(transferId);
            Objects.requireNonNull(transferKey);
        }
    }

    @Override
    public byte[] ephemeralKey() {
        return ephemeralKey.clone();
    }

    @Override
    public byte[] inviteeIdentityKey() {
        return inviteeIdentityKey.clone();
    }

    @Override
    public byte[] inviteePrekey() {
        return inviteePrekey.clone();
    }

    /**
     * An invite about to be added: leaf, epoch and stage key are filled in from the add frame as it is finally
     * built ({@link Operations#add}), so a draft itself is never stored.
     */
    public static InviteRecord draft(String id, PendingInvite.Kind kind, String inviteeUserId, Scalar leafSecret,
            byte[] ephemeralKey, byte[] inviteeIdentityKey, byte[] inviteePrekey, UUID transferId,
            SecretBytes transferKey) {
        return new InviteRecord(id, kind, inviteeUserId, 1, 1, 0, SecretBytes.copyOf(new byte[32]), leafSecret,
                ephemeralKey, inviteeIdentityKey, inviteePrekey, transferId, transferKey, false);
    }

    InviteRecord movedTo(long newLeaf) {
        return new InviteRecord(id, kind, inviteeUserId, newLeaf, inviteLeaf, epoch, stageKey, leafSecret,
                ephemeralKey, inviteeIdentityKey, inviteePrekey, transferId, transferKey, uploaded);
    }

    public InviteRecord markUploaded() {
        return new InviteRecord(id, kind, inviteeUserId, leaf, inviteLeaf, epoch, stageKey, leafSecret,
                ephemeralKey, inviteeIdentityKey, inviteePrekey, transferId, transferKey, true);
    }

    /** The same invite for the add as it was finally built (leaf, epoch and stage key of that frame). */
    InviteRecord forAdd(long target, long addEpoch, SecretBytes addStageKey) {
        return new InviteRecord(id, kind, inviteeUserId, target, target, addEpoch, addStageKey, leafSecret,
                ephemeralKey, inviteeIdentityKey, inviteePrekey, transferId, transferKey, uploaded);
    }

    public PendingInvite toPublic(boolean landed) {
        PendingInvite.Status status = !landed ? PendingInvite.Status.ADD_PENDING
                : uploaded ? PendingInvite.Status.UPLOADED : PendingInvite.Status.READY;
        return new PendingInvite(id, kind, inviteeUserId, leaf, epoch, status);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InviteRecord r && id.equals(r.id) && kind == r.kind && leaf == r.leaf
                && inviteLeaf == r.inviteLeaf && epoch == r.epoch && uploaded == r.uploaded
                && inviteeUserId.equals(r.inviteeUserId) && stageKey.equalsSecret(r.stageKey)
                && leafSecret.equals(r.leafSecret) && Arrays.equals(ephemeralKey, r.ephemeralKey)
                && Arrays.equals(inviteeIdentityKey, r.inviteeIdentityKey)
                && Arrays.equals(inviteePrekey, r.inviteePrekey) && Objects.equals(transferId, r.transferId)
                && (transferKey == null ? r.transferKey == null
                        : r.transferKey != null && transferKey.equalsSecret(r.transferKey));
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "InviteRecord[id=" + id + ", kind=" + kind + ", leaf=" + leaf + ", epoch=" + epoch + ", uploaded="
                + uploaded + ", secrets redacted]";
    }
}
