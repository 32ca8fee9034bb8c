package io.zrt.crypto.schnorr;

import io.zrt.crypto.Hashing;
import io.zrt.crypto.InvalidEncodingException;
import io.zrt.crypto.VerificationException;
import io.zrt.crypto.cortado.Cortado;
import io.zrt.crypto.cortado.CortadoKeyPair;
import io.zrt.crypto.cortado.CortadoPoint;
import io.zrt.crypto.cortado.Scalar;
import io.zrt.crypto.transcript.Transcript;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Schnorr signatures over Cortado that prove knowledge of one or several secret keys at once (PROTOCOL.md
 * section 4 and Appendix A). The signed message is always a 32-byte domain-separated digest; build it with
 * {@link #digest(String, byte[]...)}.
 */
public final class Schnorr {

    public static final String TRANSCRIPT_LABEL = "zrt/v1/schnorr";
    public static final int MESSAGE_LENGTH = 32;

    private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();

    private Schnorr() {
    }

    /** SHA3-256(label ‖ fields): the only kind of message this scheme signs. */
    public static byte[] digest(String label, byte[]... fields) {
        return Hashing.labeledDigest(label, fields);
    }

    public static byte[] sign(byte[] message, CortadoKeyPair key) {
        return sign(message, List.of(key), DEFAULT_RANDOM);
    }

    public static byte[] sign(byte[] message, List<CortadoKeyPair> keys) {
        return sign(message, keys, DEFAULT_RANDOM);
    }

    /**
     * Signs with hedged nonces: each kᵢ comes from a fork of the transcript (which already holds the
     * message and every public key) into which 32 fresh random bytes and every secret key are absorbed.
     * A broken RNG then still gives distinct nonces for distinct messages, and a repeated message still
     * gets fresh nonces from a working RNG.
     */
    public static byte[] sign(byte[] message, List<CortadoKeyPair> keys, SecureRandom random) {
        checkMessage(message);
        List<CortadoPoint> publicKeys = keys.stream().map(CortadoKeyPair::publicKey).toList();
        Transcript transcript = statementTranscript(message, publicKeys);
        Transcript nonceSource = transcript.copy();
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        nonceSource.appendMessage("hedge-rng", fresh);
        for (CortadoKeyPair key : keys) {
            nonceSource.appendMessage("hedge-sk", key.secretKey().toBytes());
        }
        List<Scalar> nonces = new ArrayList<>(keys.size());
        while (nonces.size() < keys.size()) {
            Scalar k = Scalar.fromBytesModOrder(nonceSource.challengeBytes("hedge-nonce", 64));
            if (!k.isZero()) {
                nonces.add(k);
            }
        }
        return finishSignature(transcript, keys.stream().map(CortadoKeyPair::secretKey).toList(), nonces);
    }

    /** Test entry point: signs with caller-chosen nonces so that published vectors can be reproduced. */
    static byte[] signWithNonces(byte[] message, List<Scalar> secretKeys, List<Scalar> nonces) {
        checkMessage(message);
        if (secretKeys.size() != nonces.size()) {
            throw new IllegalArgumentException("one nonce per key");
        }
        List<CortadoPoint> publicKeys = secretKeys.stream().map(Cortado::multiplyGenerator).toList();
        return finishSignature(statementTranscript(message, publicKeys), secretKeys, nonces);
    }

    public static void verify(byte[] message, CortadoPoint publicKey, byte[] signature)
            throws VerificationException {
        verify(message, List.of(publicKey), signature);
    }

    /**
     * Verifies a signature over exactly these keys in this order. Returns normally only for a valid
     * signature; every failure (malformed bytes included) is a {@link VerificationException}.
     */
    public static void verify(byte[] message, List<CortadoPoint> publicKeys, byte[] signature)
            throws VerificationException {
        checkMessage(message);
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one public key");
        }
        for (CortadoPoint pk : publicKeys) {
            if (pk.isInfinity()) {
                throw new VerificationException("public key is the point at infinity");
            }
        }
        SchnorrSignature decoded;
        try {
            decoded = SchnorrSignature.decode(signature, publicKeys.size());
        } catch (InvalidEncodingException e) {
            throw new VerificationException("malformed signature: " + e.getMessage(), e);
        }
        Transcript transcript = statementTranscript(message, publicKeys);
        Scalar minusC = decoded.challenge().negate();
        for (int i = 0; i < publicKeys.size(); i++) {
            CortadoPoint commitment = Cortado.linearCombination(
                    decoded.responses().get(i), Cortado.G, minusC, publicKeys.get(i));
            if (commitment.isInfinity()) {
                throw new VerificationException("commitment is the point at infinity");
            }
            transcript.appendMessage("R", commitment.encode());
        }
        Scalar expected = challenge(transcript);
        // The challenge is public; an ordinary comparison leaks nothing.
        if (!expected.equals(decoded.challenge())) {
            throw new VerificationException("signature does not verify");
        }
    }

    private static Transcript statementTranscript(byte[] message, List<CortadoPoint> publicKeys) {
        Transcript transcript = Transcript.create(TRANSCRIPT_LABEL);
        transcript.appendMessage("msg", message);
        transcript.appendU64("n", publicKeys.size());
        for (CortadoPoint pk : publicKeys) {
            transcript.appendMessage("pk", pk.encode());
        }
        return transcript;
    }

    private static byte[] finishSignature(Transcript transcript, List<Scalar> secretKeys, List<Scalar> nonces) {
        if (secretKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        for (Scalar k : nonces) {
            transcript.appendMessage("R", Cortado.multiplyGenerator(k).encode());
        }
        Scalar c = challenge(transcript);
        List<Scalar> responses = new ArrayList<>(secretKeys.size());
        for (int i = 0; i < secretKeys.size(); i++) {
            responses.add(nonces.get(i).add(c.multiply(secretKeys.get(i))));
        }
        return new SchnorrSignature(c, responses).encode();
    }

    private static Scalar challenge(Transcript transcript) {
        return Scalar.fromBytesModOrder(transcript.challengeBytes("c", 64));
    }

    private static void checkMessage(byte[] message) {
        if (message == null || message.length != MESSAGE_LENGTH) {
            throw new IllegalArgumentException("the signed message is a 32-byte digest");
        }
    }
}
