package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.zrt.client.DecryptionFailedException;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.DecryptionException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.crypto.symmetric.AesGcmAead;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.crypto.x3dh.X3dh;
import io.zrt.protocol.IdentifiedInvite;
import io.zrt.protocol.Invite;
import io.zrt.protocol.InviteSecrets;
import io.zrt.protocol.InviteTBS;
import io.zrt.protocol.UnidentifiedInvite;
import io.zrt.protocol.rules.FrameRejectedException;
import io.zrt.protocol.rules.GroupId;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Invites (PROTOCOL.md section 9). The secret part ({@code InviteSecrets}: group id, epoch e + 1, stk_{e+1},
 * leaf) is encrypted under HKDF(zrt/v1/invite, enc(leaf secret)) with AAD = SHA3-256(zrt/v1/invite-aad ‖
 * the tbs without its ciphertext); the tbs is signed by the inviter's identity key over
 * SHA3-256(zrt/v1/invite ‖ tbs bytes). An unidentified invite is itself encrypted for transport under a random
 * key with AAD = SHA3-256(zrt/v1/invite-transfer ‖ transfer id).
 */
public final class Invites {

    // Its own label: zrt/v1/invite is the HKDF salt of the invite key, and every use gets a distinct label.
    static final String SIGNATURE_LABEL = "zrt/v1/invite-signature";
    static final String AAD_LABEL = "zrt/v1/invite-aad";
    static final String TRANSFER_LABEL = "zrt/v1/invite-transfer";

    private Invites() {
    }

    /** What an invitee learns from an opened invite. */
    public record Opened(GroupId group, long epoch, SecretBytes stageKey, long leaf, Scalar leafSecret,
            byte[] inviterKey) {
        @Override
        public String toString() {
            return "Invites.Opened[group=" + group + ", epoch=" + epoch + ", leaf=" + leaf + ", secrets redacted]";
        }
    }

    public static byte[] create(CortadoKeyPair inviter, InviteTBS.Builder kind, Scalar leafSecret,
            InviteSecrets secrets) {
        kind.setInviterIdentityKey(ByteString.copyFrom(inviter.publicKey().encode()));
        byte[] aad = Schnorr.digest(AAD_LABEL, kind.build().toByteArray());
        byte[] ciphertext = AesGcmAead.create(KeySchedule.inviteKey(leafSecret)).encrypt(secrets.toByteArray(), aad);
        byte[] tbs = kind.setEncryptedSecrets(ByteString.copyFrom(ciphertext)).build().toByteArray();
        byte[] signature = Schnorr.sign(Schnorr.digest(SIGNATURE_LABEL, tbs), inviter);
        return Invite.newBuilder().setTbs(ByteString.copyFrom(tbs)).setSignature(ByteString.copyFrom(signature))
                .build().toByteArray();
    }

    public static InviteTBS.Builder identified(CortadoPoint ephemeral, CortadoPoint inviteeIdentity,
            CortadoPoint inviteePrekey) {
        return InviteTBS.newBuilder().setIdentified(IdentifiedInvite.newBuilder()
                .setEphemeralKey(ByteString.copyFrom(ephemeral.encode()))
                .setInviteeIdentityKey(ByteString.copyFrom(inviteeIdentity.encode()))
                .setInviteeSignedPrekey(ByteString.copyFrom(inviteePrekey.encode())));
    }

    public static InviteTBS.Builder unidentified(Scalar leafSecret) {
        return InviteTBS.newBuilder().setUnidentified(UnidentifiedInvite.newBuilder()
                .setLeafSecret(ByteString.copyFrom(leafSecret.toBytes())));
    }

    /**
     * Opens an invite: the signature must verify against {@code expectedInviter} (pinned by the application, never
     * taken from the invite alone); an identified invite must be addressed to this identity and prekey.
     */
    public static Opened open(byte[] inviteBytes, byte[] expectedInviter, CortadoKeyPair identity,
            CortadoKeyPair prekey) throws VerificationFailedException, DecryptionFailedException {
        try {
            Invite invite = Invite.parseFrom(inviteBytes);
            Payloads.requireNoUnknownFields(invite);
            InviteTBS tbs = InviteTBS.parseFrom(invite.getTbs());
            Payloads.requireNoUnknownFields(tbs);
            byte[] inviterKeyBytes = tbs.getInviterIdentityKey().toByteArray();
            if (!MessageDigest.isEqual(inviterKeyBytes, expectedInviter)) {
                throw new VerificationFailedException(Check.INVITE, "invite is not from the expected inviter");
            }
            CortadoPoint inviterKey = CortadoPoint.decode(inviterKeyBytes);
            Schnorr.verify(Schnorr.digest(SIGNATURE_LABEL, invite.getTbs().toByteArray()), inviterKey,
                    invite.getSignature().toByteArray());
            Scalar leafSecret;
            switch (tbs.getKindCase()) {
                case IDENTIFIED -> {
                    IdentifiedInvite id = tbs.getIdentified();
                    if (!MessageDigest.isEqual(id.getInviteeIdentityKey().toByteArray(), identity.publicKey().encode())
                            || !MessageDigest.isEqual(id.getInviteeSignedPrekey().toByteArray(),
                            prekey.publicKey().encode())) {
                        throw new VerificationFailedException(Check.INVITE, "invite is addressed to another key");
                    }
                    leafSecret = X3dh.inviteeLeafSecret(identity, prekey, inviterKey,
                            CortadoPoint.decode(id.getEphemeralKey().toByteArray()));
                }
                case UNIDENTIFIED -> leafSecret = Scalar.fromCanonicalBytes(
                        tbs.getUnidentified().getLeafSecret().toByteArray());
                default -> throw new VerificationFailedException(Check.INVITE, "invite without a kind");
            }
            byte[] aad = Schnorr.digest(AAD_LABEL, tbs.toBuilder().clearEncryptedSecrets().build().toByteArray());
            byte[] plaintext;
            try {
                plaintext = AesGcmAead.create(KeySchedule.inviteKey(leafSecret))
                        .decrypt(tbs.getEncryptedSecrets().toByteArray(), aad);
            } catch (DecryptionException e) {
                throw new DecryptionFailedException("invite secrets do not decrypt");
            }
            InviteSecrets secrets = InviteSecrets.parseFrom(plaintext);
            Payloads.requireNoUnknownFields(secrets);
            if (secrets.getStageKey().size() != 32 || secrets.getLeaf() < 1) {
                throw new VerificationFailedException(Check.INVITE, "invite secrets are malformed");
            }
            return new Opened(GroupId.ofBytes(secrets.getGroupId().toByteArray()), secrets.getEpoch(),
                    SecretBytes.copyOf(secrets.getStageKey().toByteArray()), secrets.getLeaf(), leafSecret,
                    inviterKeyBytes);
        } catch (InvalidProtocolBufferException | FrameRejectedException | InvalidEncodingException
                | IllegalArgumentException e) {
            throw new VerificationFailedException(Check.INVITE, "not a valid invite");
        } catch (VerificationException e) {
            throw new VerificationFailedException(Check.INVITE, "invite signature does not verify");
        }
    }

    static byte[] transferAad(UUID transferId) {
        return Schnorr.digest(TRANSFER_LABEL, transferId.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public static byte[] sealForTransfer(byte[] invite, SecretBytes key, UUID transferId) {
        return AesGcmAead.create(key).encrypt(invite, transferAad(transferId));
    }

    public static byte[] openFromTransfer(byte[] sealed, SecretBytes key, UUID transferId)
            throws DecryptionFailedException {
        try {
            return AesGcmAead.create(key).decrypt(sealed, transferAad(transferId));
        } catch (DecryptionException e) {
            throw new DecryptionFailedException("invite transfer does not decrypt under the ticket's key");
        }
    }
}
