package io.zrt.crypto.zk;

import io.zrt.crypto.CryptoException;

/** The prover's witness does not satisfy the circuit; no proof is produced. */
public final class UnsatisfiedConstraintException extends CryptoException {

    public UnsatisfiedConstraintException(String message) {
        super(message);
    }
}
