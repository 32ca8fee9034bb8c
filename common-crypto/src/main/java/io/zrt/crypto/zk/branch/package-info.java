/**
 * The ART branch proof (PROTOCOL.md section 7): a zero-knowledge proof that the path keys a group operation
 * publishes are the correct ratchet of a secret the sender knows, over the co-path of the verifier's own
 * tree. {@link io.zrt.crypto.zk.branch.BranchStatement} is the public input,
 * {@link io.zrt.crypto.zk.branch.BranchCircuit} the relation, {@link io.zrt.crypto.zk.branch.BranchProver}
 * / {@link io.zrt.crypto.zk.branch.BranchVerifier} / {@link io.zrt.crypto.zk.branch.BranchBatchVerifier}
 * the API. See docs/branch-proof.md.
 */
package io.zrt.crypto.zk.branch;
