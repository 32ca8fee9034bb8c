package io.zrt.client;

import io.zrt.client.engine.SealedFormat;
import io.zrt.client.internal.Sealer;
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
 * <p>Export: sealed under an application {@link StateKey} (state format version 2, docs/client-sdk.md); its
 * content is the unsealed form of version 1 (134 bytes): ASCII {@code ZRTID} ‖ version 0x01 ‖ identity secret key
 * (32 bytes LE, canonical, non-zero) ‖ prekey secret (same) ‖ prekey signature (64 bytes). Unsealed version 1
 * exports of earlier releases are sealed with {@link StateMigration#sealIdentityExport}.
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

    /**
     * An identity from its sealed export ({@link #export(StateKey)}), opened with the key whose id it names.
     * Bytes that do not open (wrong key, any altered or missing byte) or that hold an invalid key are a
     * {@link StateFormatException}.
     */
    public static Identity importFrom(byte[] exported, StateKeys keys) throws StateFormatException {
        Sealer.Opened opened = new StateSealer(keys, new SecureRandom())
                .open(exported, SealedFormat.Kind.IDENTITY_EXPORT, null, null);
        try {
            if (opened.generation() != 0 || !Arrays.equals(opened.groupId(), new byte[16])) {
                throw new StateFormatException("an identity export names no group and generation 0");
            }
            Identity identity = decodeUnsealed(opened.plain());
            if (!identity.userId().equals(SealedFormat.parse(exported).userId())) {
                throw new StateFormatException("identity export's header names another user than its keys");
            }
            return identity;
        } finally {
            Arrays.fill(opened.plain(), (byte) 0);
        }
    }

    /** {@link #importFrom(byte[], StateKeys)} with a single key. */
    public static Identity importFrom(byte[] exported, StateKey key) throws StateFormatException {
        return importFrom(exported, StateKeys.of(key));
    }

    /**
     * The identity's secrets sealed under {@code key} (state format version 2, docs/client-sdk.md): the user id
     * is in the clear and authenticated, the keys and the prekey signature are encrypted.
     */
    public byte[] export(StateKey key) {
        byte[] plain = encodeUnsealed();
        try {
            return StateSealer.of(key).seal(SealedFormat.Kind.IDENTITY_EXPORT, 0, userId(), null, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Strict decoding of the unsealed form (version 1, still the sealed export's content). */
    static Identity decodeUnsealed(byte[] exported) throws StateFormatException {
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

    /** The unsealed form (see the class comment); only ever handed to the sealer. */
    private byte[] encodeUnsealed() {
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
