package io.zrt.client;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.x3dh.SignedPreKey;
import io.zrt.crypto.x3dh.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A user's long-term identity: the identity key pair (signs payloads and invites) and one signed prekey (lets
 * others invite this user with X3DH while it is offline). Immutable; {@link #toString()} shows only public
 * values.
 *
 * <p>Export format, version 1 (135 bytes; docs/client-sdk.md): ASCII {@code ZRTID} ‖ version 0x01 ‖ identity
 * secret key (32 bytes LE, canonical, non-zero) ‖ prekey secret (same) ‖ prekey signature (64 bytes).
 * The export contains secrets: the application stores it as such.
 */
public final class Identity {

    private static final byte[] MAGIC = "ZRTID".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    static final int EXPORT_LENGTH = MAGIC.length + 1 + 32 + 32 + 64;

    private final CortadoKeyPair identityKey;
    private final CortadoKeyPair prekey;
    private final SignedPreKey signedPrekey;

    private Identity(CortadoKeyPair identityKey, CortadoKeyPair prekey, SignedPreKey signedPrekey) {
        this.identityKey = identityKey;
        this.prekey = prekey;
        this.signedPrekey = signedPrekey;
    }

    /** A fresh identity with a fresh signed prekey. */
    public static Identity generate() {
        SecureRandom random = new SecureRandom();
        CortadoKeyPair identity = CortadoKeyPair.generate(random);
        return withPrekey(identity, random);
    }

    private static Identity withPrekey(CortadoKeyPair identity, SecureRandom random) {
        CortadoKeyPair prekey = CortadoKeyPair.generate(random);
        return new Identity(identity, prekey, SignedPreKey.create(identity, prekey, random));
    }

    /** The same identity with a new signed prekey (rotation); invites made for the old prekey no longer open. */
    public Identity withNewPrekey() {
        return withPrekey(identityKey, new SecureRandom());
    }

    /** Strict decoding of {@link #export()}. */
    public static Identity importFrom(byte[] exported) throws StateFormatException {
        if (exported == null || exported.length != EXPORT_LENGTH) {
            throw new StateFormatException("an exported identity is " + EXPORT_LENGTH + " bytes");
        }
        if (!Arrays.equals(exported, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StateFormatException("not an exported ZRT identity");
        }
        if ((exported[MAGIC.length] & 0xff) != VERSION) {
            throw new StateFormatException("unknown identity export version " + (exported[MAGIC.length] & 0xff));
        }
        int offset = MAGIC.length + 1;
        try {
            CortadoKeyPair identity = CortadoKeyPair.fromSecret(
                    Scalar.fromCanonicalBytes(Arrays.copyOfRange(exported, offset, offset + 32)));
            CortadoKeyPair prekey = CortadoKeyPair.fromSecret(
                    Scalar.fromCanonicalBytes(Arrays.copyOfRange(exported, offset + 32, offset + 64)));
            SignedPreKey signed = new SignedPreKey(prekey.publicKey(),
                    Arrays.copyOfRange(exported, offset + 64, offset + 128));
            signed.verify(identity.publicKey());
            return new Identity(identity, prekey, signed);
        } catch (InvalidEncodingException | IllegalArgumentException e) {
            throw new StateFormatException("identity export holds an invalid key");
        } catch (VerificationException e) {
            throw new StateFormatException("identity export holds a prekey signature that does not verify");
        }
    }

    /** The exported secret form (see the class comment). */
    public byte[] export() {
        byte[] out = new byte[EXPORT_LENGTH];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[MAGIC.length] = (byte) VERSION;
        int offset = MAGIC.length + 1;
        System.arraycopy(identityKey.secretKey().toBytes(), 0, out, offset, 32);
        System.arraycopy(prekey.secretKey().toBytes(), 0, out, offset + 32, 32);
        System.arraycopy(signedPrekey.signature(), 0, out, offset + 64, 64);
        return out;
    }

    /** What others need to invite this user with X3DH; public. */
    public PrekeyBundle prekeyBundle() {
        return new PrekeyBundle(identityKey.publicKey(), signedPrekey);
    }

    /** lowercase hex of SHA3-256(identity key)[0..16]. */
    public String userId() {
        return UserId.of(identityKey.publicKey());
    }

    public CortadoPoint publicKey() {
        return identityKey.publicKey();
    }

    /** The identity public key, compressed (32 bytes): what others pin as "the key I expect". */
    public byte[] publicKeyBytes() {
        return identityKey.publicKey().encode();
    }

    CortadoKeyPair keyPair() {
        return identityKey;
    }

    CortadoKeyPair prekeyPair() {
        return prekey;
    }

    @Override
    public String toString() {
        return "Identity[userId=" + userId() + ", secrets redacted]";
    }
}
