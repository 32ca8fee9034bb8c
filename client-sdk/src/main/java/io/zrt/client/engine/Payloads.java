package io.zrt.client.engine;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.zrt.client.DecryptionFailedException;
import io.zrt.client.VerificationFailedException;
import io.zrt.client.VerificationFailedException.Check;
import io.zrt.crypto.DecryptionException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.SecretBytes;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.schnorr.Schnorr;
import io.zrt.crypto.symmetric.KeySchedule;
import io.zrt.protocol.ProtectedPayload;
import io.zrt.protocol.ProtectedPayloadTBS;
import io.zrt.protocol.rules.GroupId;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/** Protected payloads (PROTOCOL.md section 8): signed by the sender, encrypted under the frame key. */
final class Payloads {

    static final String PAYLOAD_LABEL = "zrt/v1/payload";

    private Payloads() {
    }

    /** SHA3-256(zrt/v1/payload ‖ group id ‖ LE64(epoch) ‖ signed part). */
    static byte[] digest(GroupId group, long epoch, byte[] signedPart) {
        byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(epoch).array();
        return Schnorr.digest(PAYLOAD_LABEL, group.toBytes(), le, signedPart);
    }

    static byte[] seal(GroupId group, long epoch, ProtectedPayloadTBS tbs, CortadoKeyPair signer,
            SecretBytes stageKey, byte[] aad) {
        byte[] signedPart = tbs.toByteArray();
        byte[] signature = Schnorr.sign(digest(group, epoch, signedPart), signer);
        byte[] plaintext = ProtectedPayload.newBuilder().setSignedPart(ByteString.copyFrom(signedPart))
                .setSignature(ByteString.copyFrom(signature)).build().toByteArray();
        return KeySchedule.frameAead(stageKey).encrypt(plaintext, aad);
    }

    /** Decrypts and decodes; the signature is checked separately, once the sender's key is known. */
    static Opened open(byte[] ciphertext, SecretBytes stageKey, byte[] aad) throws DecryptionFailedException,
            VerificationFailedException {
        byte[] plaintext;
        try {
            plaintext = KeySchedule.frameAead(stageKey).decrypt(ciphertext, aad);
        } catch (DecryptionException e) {
            throw new DecryptionFailedException("frame payload does not decrypt under the epoch's frame key");
        }
        try {
            ProtectedPayload payload = ProtectedPayload.parseFrom(plaintext);
            requireNoUnknownFields(payload);
            ProtectedPayloadTBS tbs = ProtectedPayloadTBS.parseFrom(payload.getSignedPart());
            requireNoUnknownFields(tbs);
            if (!tbs.hasSender() || tbs.getSender().getIdCase() == io.zrt.protocol.Sender.IdCase.ID_NOT_SET) {
                throw new VerificationFailedException(Check.PAYLOAD_FORMAT, "payload without a sender");
            }
            return new Opened(payload.getSignedPart().toByteArray(), payload.getSignature().toByteArray(), tbs);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new VerificationFailedException(Check.PAYLOAD_FORMAT, "payload is not a ProtectedPayload");
        }
    }

    static void verify(GroupId group, long epoch, Opened opened, byte[] senderKey)
            throws VerificationFailedException {
        try {
            Schnorr.verify(digest(group, epoch, opened.signedPart()), CortadoPoint.decode(senderKey),
                    opened.signature());
        } catch (VerificationException | InvalidEncodingException e) {
            throw new VerificationFailedException(Check.PAYLOAD_SIGNATURE,
                    "payload signature does not verify against the sender's known key");
        }
    }

    record Opened(byte[] signedPart, byte[] signature, ProtectedPayloadTBS tbs) {
    }

    /** Unknown fields would be signed by one party and ignored by another; refuse them at any depth. */
    static void requireNoUnknownFields(Message message) throws VerificationFailedException {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw new VerificationFailedException(Check.PAYLOAD_FORMAT,
                    "unknown field in " + message.getDescriptorForType().getName());
        }
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (field.getValue() instanceof List<?> list) {
                for (Object element : list) {
                    requireNoUnknownFields((Message) element);
                }
            } else {
                requireNoUnknownFields((Message) field.getValue());
            }
        }
    }
}
