package io.zrt.crypto.art;

import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.cortado.CortadoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a group operation publishes: its type, the heap index of the target leaf (after any extension) and
 * the new public keys of every node on the path from that leaf to the root, leaf first. For an additive type
 * the keys are contributions that receivers add to the current keys.
 *
 * <p>Encoding (docs/art.md): version 1 | type | target as u64 little-endian | key count | keys (32 bytes
 * each); the key count must equal depth(target) + 1.
 */
public record BranchChange(BranchChangeType type, long target, List<CortadoPoint> pathKeys) {

    static final int VERSION = 1;
    private static final int HEADER_LENGTH = 1 + 1 + 8 + 1;

    public BranchChange {
        Objects.requireNonNull(type);
        if (target < 1) {
            throw new IllegalArgumentException("heap indices start at 1");
        }
        pathKeys = List.copyOf(pathKeys);
        if (pathKeys.isEmpty() || pathKeys.size() > HeapIndex.MAX_DEPTH + 1) {
            throw new IllegalArgumentException("path must hold 1 to " + (HeapIndex.MAX_DEPTH + 1) + " keys");
        }
        for (CortadoPoint key : pathKeys) {
            if (key.isInfinity()) {
                throw new IllegalArgumentException("a path key cannot be the point at infinity");
            }
        }
    }

    /** The key published for the root (for an additive change, the root's contribution). */
    public CortadoPoint publishedRootKey() {
        return pathKeys.get(pathKeys.size() - 1);
    }

    /** The key published for the target leaf. */
    public CortadoPoint publishedLeafKey() {
        return pathKeys.get(0);
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + pathKeys.size() * CortadoPoint.ENCODED_LENGTH];
        out[0] = (byte) VERSION;
        out[1] = (byte) type.wireCode();
        for (int i = 0; i < 8; i++) {
            out[2 + i] = (byte) (target >>> (8 * i));
        }
        out[10] = (byte) pathKeys.size();
        int offset = HEADER_LENGTH;
        for (CortadoPoint key : pathKeys) {
            System.arraycopy(key.encode(), 0, out, offset, CortadoPoint.ENCODED_LENGTH);
            offset += CortadoPoint.ENCODED_LENGTH;
        }
        return out;
    }

    /** Strict decoding of {@link #encode()}. */
    public static BranchChange decode(byte[] bytes) throws ArtEncodingException {
        if (bytes == null || bytes.length < HEADER_LENGTH + CortadoPoint.ENCODED_LENGTH) {
            throw new ArtEncodingException("branch change encoding too short");
        }
        if ((bytes[0] & 0xff) != VERSION) {
            throw new ArtEncodingException("unknown branch change version " + (bytes[0] & 0xff));
        }
        BranchChangeType type = BranchChangeType.fromWireCode(bytes[1] & 0xff);
        if (type == null) {
            throw new ArtEncodingException("unknown branch change type " + (bytes[1] & 0xff));
        }
        long target = 0;
        for (int i = 0; i < 8; i++) {
            target |= (bytes[2 + i] & 0xffL) << (8 * i);
        }
        if (target < 1) {
            throw new ArtEncodingException("target heap index out of range");
        }
        int count = bytes[10] & 0xff;
        if (count != HeapIndex.depth(target) + 1) {
            throw new ArtEncodingException("key count " + count + " does not match the target's depth");
        }
        if (bytes.length != HEADER_LENGTH + count * CortadoPoint.ENCODED_LENGTH) {
            throw new ArtEncodingException("branch change length does not match its key count");
        }
        List<CortadoPoint> keys = new ArrayList<>(count);
        byte[] keyBytes = new byte[CortadoPoint.ENCODED_LENGTH];
        for (int i = 0; i < count; i++) {
            System.arraycopy(bytes, HEADER_LENGTH + i * CortadoPoint.ENCODED_LENGTH, keyBytes, 0, keyBytes.length);
            try {
                keys.add(CortadoPoint.decode(keyBytes));
            } catch (InvalidEncodingException e) {
                throw new ArtEncodingException("invalid path key " + i + ": " + e.getMessage(), e);
            }
        }
        return new BranchChange(type, target, keys);
    }
}
