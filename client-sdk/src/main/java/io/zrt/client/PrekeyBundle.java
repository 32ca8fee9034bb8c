package io.zrt.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.x3dh.SignedPreKey;
import io.zrt.crypto.x3dh.UserId;
import java.util.Objects;

/**
 * What a user publishes so that it can be invited while offline: its identity key and a prekey signed by it.
 * Encoded as the {@code PrekeyBundle} protobuf message. Decoding is strict and checks the prekey signature.
 */
public record PrekeyBundle(CortadoPoint identityKey, SignedPreKey signedPrekey) {

    public PrekeyBundle {
        Objects.requireNonNull(identityKey);
        Objects.requireNonNull(signedPrekey);
    }

    public String userId() {
        return UserId.of(identityKey);
    }

    public byte[] encode() {
        return io.zrt.protocol.PrekeyBundle.newBuilder()
                .setIdentityKey(com.google.protobuf.ByteString.copyFrom(identityKey.encode()))
                .setSignedPrekey(com.google.protobuf.ByteString.copyFrom(signedPrekey.preKey().encode()))
                .setPrekeySignature(com.google.protobuf.ByteString.copyFrom(signedPrekey.signature()))
                .build().toByteArray();
    }

    public static PrekeyBundle decode(byte[] bytes) throws StateFormatException {
        try {
            io.zrt.protocol.PrekeyBundle wire = io.zrt.protocol.PrekeyBundle.parseFrom(bytes);
            if (!wire.getUnknownFields().asMap().isEmpty()) {
                throw new StateFormatException("prekey bundle carries unknown fields");
            }
            CortadoPoint identity = CortadoPoint.decode(wire.getIdentityKey().toByteArray());
            SignedPreKey signed = new SignedPreKey(CortadoPoint.decode(wire.getSignedPrekey().toByteArray()),
                    wire.getPrekeySignature().toByteArray());
            signed.verify(identity);
            return new PrekeyBundle(identity, signed);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new StateFormatException("not a prekey bundle");
        } catch (InvalidEncodingException e) {
            throw new StateFormatException("prekey bundle holds an invalid key");
        } catch (VerificationException e) {
            throw new StateFormatException("prekey signature does not verify against the bundle's identity key");
        }
    }
}
