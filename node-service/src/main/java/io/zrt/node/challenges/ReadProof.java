package io.zrt.node.challenges;

/**
 * What a reader presents: a challenge it obtained, the epoch whose key it proves, the signature over the
 * purpose's read-authorization digest, and which node's key signed (1, the root, for the tree key).
 */
public record ReadProof(long epoch, byte[] challenge, byte[] signature, int proverNode) {
}
