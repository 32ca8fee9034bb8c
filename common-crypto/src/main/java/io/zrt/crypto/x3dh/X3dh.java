package io.zrt.crypto.x3dh;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.symmetric.Hkdf;
import java.util.Arrays;

/**
 * X3DH over Cortado for identified invites (PROTOCOL.md section 9): the inviter A, with identity key ik_A
 * and a fresh ephemeral key ek_A, and the invitee B, with identity key IK_B and signed prekey SPK_B, both
 * arrive at the new member's leaf secret:
 * DH1 = ik_A·SPK_B, DH2 = ek_A·IK_B, DH3 = ek_A·SPK_B;
 * okm = HKDF(zrt/v1/x3dh, enc(DH1) ‖ enc(DH2) ‖ enc(DH3)); leaf secret = okm mapped into [1, 2²⁵²).
 */
public final class X3dh {

    public static final String LABEL = "zrt/v1/x3dh";

    private X3dh() {
    }

    /**
     * Inviter side. Verifies first that the invitee's identity key signed the prekey, so that a substituted
     * prekey cannot redirect the leaf secret to someone else.
     */
    public static Scalar inviterLeafSecret(CortadoKeyPair inviterIdentity, CortadoKeyPair inviterEphemeral,
            CortadoPoint inviteeIdentityKey, SignedPreKey inviteeSignedPreKey) throws VerificationException {
        inviteeSignedPreKey.verify(inviteeIdentityKey);
        return inviterLeafSecret(inviterIdentity, inviterEphemeral, inviteeIdentityKey, inviteeSignedPreKey.preKey());
    }

    /** Inviter side without the prekey signature check (the caller has verified it). */
    public static Scalar inviterLeafSecret(CortadoKeyPair inviterIdentity, CortadoKeyPair inviterEphemeral,
            CortadoPoint inviteeIdentityKey, CortadoPoint inviteeSignedPreKey) {
        requireFinite(inviteeIdentityKey, inviteeSignedPreKey);
        return leafSecret(
                inviterIdentity.agree(inviteeSignedPreKey),
                inviterEphemeral.agree(inviteeIdentityKey),
                inviterEphemeral.agree(inviteeSignedPreKey));
    }

    /** Invitee side: the same three Diffie–Hellman values, computed with the invitee's secrets. */
    public static Scalar inviteeLeafSecret(CortadoKeyPair inviteeIdentity, CortadoKeyPair inviteeSignedPreKey,
            CortadoPoint inviterIdentityKey, CortadoPoint inviterEphemeralKey) {
        requireFinite(inviterIdentityKey, inviterEphemeralKey);
        return leafSecret(
                inviteeSignedPreKey.agree(inviterIdentityKey),
                inviteeIdentity.agree(inviterEphemeralKey),
                inviteeSignedPreKey.agree(inviterEphemeralKey));
    }

    static Scalar leafSecret(CortadoPoint dh1, CortadoPoint dh2, CortadoPoint dh3) {
        byte[] ikm = new byte[3 * CortadoPoint.ENCODED_LENGTH];
        System.arraycopy(dh1.encode(), 0, ikm, 0, 32);
        System.arraycopy(dh2.encode(), 0, ikm, 32, 32);
        System.arraycopy(dh3.encode(), 0, ikm, 64, 32);
        byte[] okm = Hkdf.derive(LABEL, ikm, new byte[0], 32);
        try {
            return LeafSecrets.fromUniformBytes(okm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(okm, (byte) 0);
        }
    }

    private static void requireFinite(CortadoPoint a, CortadoPoint b) {
        if (a.isInfinity() || b.isInfinity()) {
            throw new IllegalArgumentException("public keys cannot be infinity");
        }
    }
}
