package io.zrt.protocol.rules;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.zrt.protocol.ArtProof;
import io.zrt.protocol.BranchChange;
import io.zrt.protocol.Frame;
import io.zrt.protocol.FrameTBS;
import io.zrt.protocol.InitGroup;
import java.util.List;
import java.util.Map;

/**
 * Strict decoding of a Frame: undecodable bytes and unknown fields are {@link Rejection#MALFORMED_FRAME},
 * wrong lengths or shapes {@link Rejection#INVALID_FIELD}, a branch whose path length does not match its
 * target's depth {@link Rejection#WRONG_PATH_LENGTH} (its target out of the wire's range
 * {@link Rejection#INDEX_OUT_OF_RANGE}). Points are only length-checked here; whoever uses
 * a key decodes it with the curve's strict decoder. Never throws an unchecked exception for any input.
 */
public final class FrameParser {

    public static final int NONCE_LENGTH = 16;
    public static final int POINT_LENGTH = 32;
    /** A single-key Schnorr signature or proof of knowledge: c ‖ s. */
    public static final int SIGNATURE_LENGTH = 64;
    /** The smallest AES-256-GCM ciphertext: 12-byte nonce and 16-byte tag around an empty plaintext. */
    public static final int MIN_PROTECTED_PAYLOAD = 28;
    /**
     * Heap indexes on the wire (uint32 target and prover_node) stay below 2^30, i.e. depth at most 29: far
     * beyond any group this version serves, and safely inside a signed int.
     */
    public static final int MAX_HEAP_INDEX = 1 << 30;

    private FrameParser() {
    }

    public static ParsedFrame parse(byte[] frameBytes) throws FrameRejectedException {
        if (frameBytes == null || frameBytes.length == 0) {
            throw malformed("empty frame");
        }
        Frame frame = decode(() -> Frame.parseFrom(frameBytes), "Frame");
        FrameTBS tbs = decode(() -> FrameTBS.parseFrom(frame.getTbs()), "FrameTBS");
        requireNoUnknownFields(frame);
        requireNoUnknownFields(tbs);
        // Receivers rebuild the payload AAD by re-serializing the parsed header, so the tbs must already be in
        // the one canonical form (fields in number order, no default values written, nothing repeated);
        // otherwise a frame could pass the Node and then fail to decrypt at every member.
        if (!tbs.toByteString().equals(frame.getTbs())) {
            throw malformed("FrameTBS is not canonically encoded");
        }

        GroupId groupId = GroupId.ofBytes(tbs.getGroupId().toByteArray());
        if (tbs.getEpoch() < 0) {
            throw invalid("epoch out of range");
        }
        if (tbs.getNonce().size() != NONCE_LENGTH) {
            throw invalid("nonce must be 16 bytes");
        }
        if (tbs.getProtectedPayload().size() < MIN_PROTECTED_PAYLOAD) {
            throw invalid("protected payload is shorter than an AEAD ciphertext");
        }

        OperationKind kind = tbs.hasGroupOperation() ? OperationKind.of(tbs.getGroupOperation()) : OperationKind.PLAIN;
        ArtProof artProof = null;
        if (kind == OperationKind.PLAIN) {
            requireLength(frame.getProof(), SIGNATURE_LENGTH, "signature of a plain frame");
        } else {
            artProof = decode(() -> ArtProof.parseFrom(frame.getProof()), "ArtProof");
            requireNoUnknownFields(artProof);
            requireLength(artProof.getEligibility(), SIGNATURE_LENGTH, "eligibility proof");
            checkOperationShape(kind, tbs, artProof);
        }
        return new ParsedFrame(frameBytes.clone(), frame, tbs, groupId, kind, artProof);
    }

    private static void checkOperationShape(OperationKind kind, FrameTBS tbs, ArtProof proof)
            throws FrameRejectedException {
        var op = tbs.getGroupOperation();
        switch (kind) {
            case INIT -> {
                InitGroup init = op.getInit();
                requireLength(init.getOwnerIdentityKey(), POINT_LENGTH, "owner identity key");
                if (init.getPublicTree().isEmpty()) {
                    throw invalid("init without a public tree");
                }
                if (proof.getProverNode() != 0 || !proof.getBranch().isEmpty()) {
                    throw invalid("init proof carries only the identity-key signature");
                }
            }
            case DROP_GROUP -> {
                requireProverNode(proof);
                if (!proof.getBranch().isEmpty()) {
                    throw invalid("drop group carries no branch proof");
                }
            }
            default -> {
                requireProverNode(proof);
                checkBranchShape(switch (kind) {
                    case ADD_MEMBER -> op.getAddMember();
                    case REMOVE_MEMBER -> op.getRemoveMember();
                    case FINALIZE_REMOVAL -> op.getFinalizeRemoval();
                    case KEY_UPDATE -> op.getKeyUpdate();
                    default -> op.getLeaveGroup();
                });
            }
        }
    }

    private static void requireProverNode(ArtProof proof) throws FrameRejectedException {
        int prover = proof.getProverNode();
        if (prover < 1 || prover >= MAX_HEAP_INDEX) {
            throw invalid("prover_node must name a tree node (heap index >= 1)");
        }
    }

    /** The path runs from the target leaf to the root: one key per level, depth = floor(log2(target)). */
    static void checkBranchShape(BranchChange change) throws FrameRejectedException {
        int target = change.getTarget();
        if (target < 1 || target >= MAX_HEAP_INDEX) {
            throw new FrameRejectedException(Rejection.INDEX_OUT_OF_RANGE, "target heap index out of range");
        }
        int pathLength = 32 - Integer.numberOfLeadingZeros(target);
        if (change.getPathKeysCount() != pathLength) {
            throw new FrameRejectedException(Rejection.WRONG_PATH_LENGTH,
                    "branch to heap index " + target + " needs " + pathLength + " path keys, got "
                            + change.getPathKeysCount());
        }
        for (ByteString key : change.getPathKeysList()) {
            requireLength(key, POINT_LENGTH, "path key");
        }
    }

    /** Unknown fields would be hashed by some parties and ignored by others; refuse them anywhere in the tree. */
    static void requireNoUnknownFields(Message message) throws FrameRejectedException {
        if (!message.getUnknownFields().asMap().isEmpty()) {
            throw malformed("unknown field in " + message.getDescriptorForType().getName());
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

    private static void requireLength(ByteString value, int length, String what) throws FrameRejectedException {
        if (value.size() != length) {
            throw invalid(what + " must be " + length + " bytes");
        }
    }

    private interface Decoder<T> {
        T decode() throws InvalidProtocolBufferException;
    }

    private static <T> T decode(Decoder<T> decoder, String type) throws FrameRejectedException {
        try {
            return decoder.decode();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            // protobuf-java reports bad input as InvalidProtocolBufferException; anything unchecked from
            // attacker bytes is folded into the same typed answer rather than escaping as a server error.
            throw new FrameRejectedException(Rejection.MALFORMED_FRAME, "not a valid " + type);
        }
    }

    private static FrameRejectedException malformed(String message) {
        return new FrameRejectedException(Rejection.MALFORMED_FRAME, message);
    }

    private static FrameRejectedException invalid(String message) {
        return new FrameRejectedException(Rejection.INVALID_FIELD, message);
    }
}
