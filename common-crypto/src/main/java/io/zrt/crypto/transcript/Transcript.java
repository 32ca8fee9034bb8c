package io.zrt.crypto.transcript;

import io.zrt.crypto.LittleEndian;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A Merlin v1.0 transcript for Fiat–Shamir: a STROBE-128 duplex into which the protocol appends labelled
 * messages and from which it draws challenges. Mutable and not thread safe; {@link #copy()} forks it.
 */
public final class Transcript {

    private static final byte[] MERLIN_PROTOCOL_LABEL = "Merlin v1.0".getBytes(StandardCharsets.UTF_8);

    private final Strobe128 strobe;

    private Transcript(Strobe128 strobe) {
        this.strobe = strobe;
    }

    /** A new transcript, domain-separated by the application label. */
    public static Transcript create(String label) {
        Transcript transcript = new Transcript(Strobe128.create(MERLIN_PROTOCOL_LABEL));
        transcript.appendMessage("dom-sep", utf8(label));
        return transcript;
    }

    /** An independent transcript with the same state (for forks, e.g. nonce derivation). */
    public Transcript copy() {
        return new Transcript(strobe.copy());
    }

    public void appendMessage(String label, byte[] message) {
        strobe.metaAd(utf8(label), false);
        strobe.metaAd(LittleEndian.u32(message.length), true);
        strobe.ad(message, false);
    }

    /** Appends the value as 8 little-endian bytes (Merlin's append_u64). */
    public void appendU64(String label, long value) {
        appendMessage(label, LittleEndian.u64(value));
    }

    /** Draws {@code length} challenge bytes; every call changes the state. */
    public byte[] challengeBytes(String label, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative challenge length");
        }
        strobe.metaAd(utf8(label), false);
        strobe.metaAd(LittleEndian.u32(length), true);
        byte[] out = new byte[length];
        strobe.prf(out, false);
        return out;
    }

    /**
     * A challenge scalar: 64 challenge bytes read little-endian and reduced modulo the group order
     * (r for Cortado, ℓ for Ristretto255). 512 bits make the bias negligible for either order.
     */
    public BigInteger challengeModulo(String label, BigInteger groupOrder) {
        return LittleEndian.toBigInteger(challengeBytes(label, 64)).mod(groupOrder);
    }

    private static byte[] utf8(String label) {
        return label.getBytes(StandardCharsets.UTF_8);
    }
}
