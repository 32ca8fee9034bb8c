package io.zrt.crypto.transcript;

import java.nio.charset.StandardCharsets;

/**
 * The part of STROBE v1.0.2 (128-bit security, Keccak-f[1600], rate 166 bytes) that Merlin uses:
 * meta-AD, AD and PRF operations (initial state: the cSHAKE-style prefix and "STROBEv1.0.2"), each possibly continued with the "more" flag. Not thread safe.
 */
final class Strobe128 {

    private static final int RATE = 166; // 200 − 2·(128/8) − 2

    private static final int FLAG_I = 1;
    private static final int FLAG_A = 1 << 1;
    private static final int FLAG_C = 1 << 2;
    private static final int FLAG_T = 1 << 3;
    private static final int FLAG_M = 1 << 4;
    private static final int FLAG_K = 1 << 5;

    private final byte[] state;
    private int position;
    private int positionBegin;
    private int currentFlags;

    private Strobe128(byte[] state, int position, int positionBegin, int currentFlags) {
        this.state = state;
        this.position = position;
        this.positionBegin = positionBegin;
        this.currentFlags = currentFlags;
    }

    static Strobe128 create(byte[] protocolLabel) {
        byte[] initial = new byte[KeccakF1600.STATE_BYTES];
        byte[] prefix = {1, (byte) (RATE + 2), 1, 0, 1, 96};
        System.arraycopy(prefix, 0, initial, 0, prefix.length);
        byte[] version = "STROBEv1.0.2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(version, 0, initial, prefix.length, version.length);
        KeccakF1600.permute(initial);
        Strobe128 strobe = new Strobe128(initial, 0, 0, 0);
        strobe.metaAd(protocolLabel, false);
        return strobe;
    }

    Strobe128 copy() {
        return new Strobe128(state.clone(), position, positionBegin, currentFlags);
    }

    void metaAd(byte[] data, boolean more) {
        beginOperation(FLAG_M | FLAG_A, more);
        absorb(data);
    }

    void ad(byte[] data, boolean more) {
        beginOperation(FLAG_A, more);
        absorb(data);
    }

    void prf(byte[] out, boolean more) {
        beginOperation(FLAG_I | FLAG_A | FLAG_C, more);
        squeeze(out);
    }

    private void beginOperation(int flags, boolean more) {
        if (more) {
            if (flags != currentFlags) {
                throw new IllegalStateException("continued STROBE operation with different flags");
            }
            return;
        }
        if ((flags & FLAG_T) != 0) {
            throw new IllegalStateException("transport operations are not supported");
        }
        int oldBegin = positionBegin;
        positionBegin = position + 1;
        currentFlags = flags;
        absorb(new byte[] {(byte) oldBegin, (byte) flags});
        boolean forceF = (flags & (FLAG_C | FLAG_K)) != 0;
        if (forceF && position != 0) {
            runF();
        }
    }

    private void absorb(byte[] data) {
        for (byte b : data) {
            state[position] ^= b;
            position++;
            if (position == RATE) {
                runF();
            }
        }
    }

    private void squeeze(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = state[position];
            state[position] = 0;
            position++;
            if (position == RATE) {
                runF();
            }
        }
    }

    private void runF() {
        state[position] ^= (byte) positionBegin;
        state[position + 1] ^= 0x04;
        state[RATE + 1] ^= (byte) 0x80;
        KeccakF1600.permute(state);
        position = 0;
        positionBegin = 0;
    }
}
