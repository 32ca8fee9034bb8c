package io.zrt.crypto.symmetric;

import io.zrt.crypto.DecryptionException;

/** Authenticated encryption with associated data under one fixed key. */
public interface Aead {

    /** Encrypts with a fresh random nonce; the output carries everything decryption needs. */
    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    /** Decrypts and authenticates; any alteration, truncation or wrong associated data is an exception. */
    byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws DecryptionException;
}
