package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.util.List;

/**
 * The logarithmic inner-product argument inside an R1CS proof: one (L, R) pair per halving round and the
 * two final scalars.
 */
public record InnerProductProof(List<RistrettoPoint> left, List<RistrettoPoint> right, Scalar a, Scalar b) {

    public InnerProductProof {
        left = List.copyOf(left);
        right = List.copyOf(right);
        if (left.size() != right.size()) {
            throw new IllegalArgumentException("L and R counts differ");
        }
    }

    int rounds() {
        return left.size();
    }
}
