package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;

/** A committed circuit input: the variable the circuit uses and the Pedersen commitment V = v·B + γ·B̃. */
public record Commitment(Variable variable, RistrettoPoint point) {
}
