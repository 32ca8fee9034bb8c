package io.zrt.crypto.transcript;

/**
 * The Keccak-f[1600] permutation (24 rounds) on a 200-byte state, lanes read little-endian as FIPS 202
 * specifies. Written for clarity; one permutation costs a few hundred nanoseconds, which is negligible next
 * to the curve arithmetic of every protocol that uses it.
 */
public final class KeccakF1600 {

    public static final int STATE_BYTES = 200;

    private static final long[] ROUND_CONSTANTS = {
        0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
        0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
        0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
        0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
        0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
        0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L,
    };

    /** Rotation offsets r[x][y], indexed as x + 5y. */
    private static final int[] ROTATIONS = {
        0, 1, 62, 28, 27,
        36, 44, 6, 55, 20,
        3, 10, 43, 25, 39,
        41, 45, 15, 21, 8,
        18, 2, 61, 56, 14,
    };

    private KeccakF1600() {
    }

    /** Permutes the 200-byte state in place. */
    public static void permute(byte[] state) {
        if (state.length != STATE_BYTES) {
            throw new IllegalArgumentException("Keccak state is 200 bytes");
        }
        long[] lanes = new long[25];
        for (int i = 0; i < 25; i++) {
            long lane = 0;
            for (int b = 7; b >= 0; b--) {
                lane = (lane << 8) | (state[8 * i + b] & 0xffL);
            }
            lanes[i] = lane;
        }
        permute(lanes);
        for (int i = 0; i < 25; i++) {
            long lane = lanes[i];
            for (int b = 0; b < 8; b++) {
                state[8 * i + b] = (byte) (lane >>> (8 * b));
            }
        }
    }

    /** Permutes 25 lanes in place; lane (x, y) is at index x + 5y. */
    public static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (int round = 0; round < 24; round++) {
            // θ: add the parity of two neighbouring columns to every lane.
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // ρ and π: rotate every lane and move (x, y) to (y, 2x + 3y).
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            // χ: the only non-linear step, along rows.
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            // ι: break symmetry between rounds.
            a[0] ^= ROUND_CONSTANTS[round];
        }
    }
}
