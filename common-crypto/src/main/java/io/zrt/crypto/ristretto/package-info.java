/**
 * Ristretto255 (RFC 9496): the prime-order group {@link io.zrt.crypto.ristretto.RistrettoPoint}, its scalar
 * field {@link io.zrt.crypto.ristretto.Scalar}, and multi-scalar multiplication including a precomputed
 * variant for fixed generator sets ({@link io.zrt.crypto.ristretto.PrecomputedMsm}). See docs/ristretto.md.
 */
package io.zrt.crypto.ristretto;
