package io.zrt.node.proofs;

import io.zrt.crypto.zk.branch.BranchProof;
import io.zrt.crypto.zk.branch.BranchStatement;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One request's proof on its way through the queue. The outcome completes normally if the proof is valid,
 * exceptionally with the reason otherwise; the waiting request may cancel it (timeout, interrupt), after
 * which workers skip it.
 */
record PendingProof(BranchStatement statement, BranchProof proof, CompletableFuture<Void> outcome) {

    PendingProof {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(outcome, "outcome");
    }

    PendingProof(BranchStatement statement, BranchProof proof) {
        this(statement, proof, new CompletableFuture<>());
    }

    void accept() {
        outcome.complete(null);
    }

    void reject(Exception reason) {
        outcome.completeExceptionally(reason);
    }

    /** Settled or abandoned by its request: no work to do for it any more. */
    boolean done() {
        return outcome.isDone();
    }
}
