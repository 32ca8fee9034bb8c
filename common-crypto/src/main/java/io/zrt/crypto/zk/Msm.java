package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;

/**
 * The proof engine's single entry point to multi-scalar multiplication Σ sᵢ·Pᵢ, so that the backend can be
 * swapped in one place. All inputs here are public (verifier) or blinded commitments whose timing is not
 * secret-dependent in a way that matters for this engine's threat model (see docs/zk.md).
 */
final class Msm {

    private Msm() {
    }

    static RistrettoPoint compute(Scalar[] scalars, RistrettoPoint[] points, int n) {
        return bucketMethod(scalars, points, n);
    }

    static RistrettoPoint compute(Scalar[] scalars, RistrettoPoint[] points) {
        if (scalars.length != points.length) {
            throw new IllegalArgumentException("length mismatch");
        }
        return compute(scalars, points, scalars.length);
    }

    /** s·P. */
    static RistrettoPoint single(Scalar s, RistrettoPoint p) {
        return bucketMethod(new Scalar[] {s}, new RistrettoPoint[] {p}, 1);
    }

    /** a·P + b·Q. */
    static RistrettoPoint twoTerm(Scalar a, RistrettoPoint p, Scalar b, RistrettoPoint q) {
        return bucketMethod(new Scalar[] {a, b}, new RistrettoPoint[] {p, q}, 2);
    }

    /** Fallback: a plain bucket (Pippenger) method with a window chosen by size. */
    static RistrettoPoint bucketMethod(Scalar[] scalars, RistrettoPoint[] points, int n) {
        if (n == 0) {
            return RistrettoPoint.identity();
        }
        int window = n < 32 ? 4 : n < 512 ? 6 : n < 8192 ? 8 : 11;
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            bytes[i] = scalars[i].toBytes();
        }
        int windows = (253 + window - 1) / window;
        RistrettoPoint result = RistrettoPoint.identity();
        RistrettoPoint[] buckets = new RistrettoPoint[1 << window];
        for (int w = windows - 1; w >= 0; w--) {
            for (int d = 0; d < window; d++) {
                result = result.doubled();
            }
            java.util.Arrays.fill(buckets, null);
            for (int i = 0; i < n; i++) {
                int digit = digit(bytes[i], w * window, window);
                if (digit != 0) {
                    buckets[digit] = buckets[digit] == null ? points[i] : buckets[digit].add(points[i]);
                }
            }
            RistrettoPoint running = RistrettoPoint.identity();
            RistrettoPoint sum = RistrettoPoint.identity();
            for (int d = buckets.length - 1; d >= 1; d--) {
                if (buckets[d] != null) {
                    running = running.add(buckets[d]);
                }
                sum = sum.add(running);
            }
            result = result.add(sum);
        }
        return result;
    }

    private static int digit(byte[] le, int bitOffset, int width) {
        int value = 0;
        for (int b = 0; b < width; b++) {
            int bit = bitOffset + b;
            if (bit >= 256) {
                break;
            }
            value |= ((le[bit >>> 3] >>> (bit & 7)) & 1) << b;
        }
        return value;
    }
}
