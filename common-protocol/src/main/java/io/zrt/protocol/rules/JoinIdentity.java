package io.zrt.protocol.rules;

import io.zrt.crypto.LittleEndian;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;
import java.security.SecureRandom;
import java.util.List;

/**
 * The joiner's proof of its identity in {@code JoinAction.identity_signature} (docs/protocol.md §10): a Schnorr
 * signature by the identity key it announces, over the group, the epoch of its join key update and its leaf, so
 * that it cannot be replayed into another group, epoch or leaf, and nobody can announce a key it does not hold.
 */
public final class JoinIdentity {

    public static final String LABEL = "zrt/v1/join-identity";

    private JoinIdentity() {
    }

    /** SHA3-256(label ‖ group id ‖ epoch u64 LE ‖ leaf u64 LE ‖ identity key). */
    public static byte[] digest(GroupId group, long epoch, long leaf, CortadoPoint identityKey) {
        return Schnorr.digest(LABEL, group.toBytes(), LittleEndian.u64(epoch),
                LittleEndian.u64(leaf), identityKey.encode());
    }

    public static byte[] sign(CortadoKeyPair identity, GroupId group, long epoch, long leaf, SecureRandom random) {
        return Schnorr.sign(digest(group, epoch, leaf, identity.publicKey()), List.of(identity), random);
    }

    /** Returns normally only if {@code signature} is the identity key's signature for this group, epoch and leaf. */
    public static void verify(byte[] signature, CortadoPoint identityKey, GroupId group, long epoch, long leaf)
            throws VerificationException {
        Schnorr.verify(digest(group, epoch, leaf, identityKey), identityKey, signature);
    }
}
