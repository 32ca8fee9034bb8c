package io.zrt.crypto.zk;

/** The three wires of one multiplication gate: {@code output = left · right} is enforced by the proof. */
public record Multiplication(Variable left, Variable right, Variable output) {
}
