package io.zrt.crypto.zk;

import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.security.SecureRandom;

/**
 * The prover's computation of an R1CS proof (Bünz et al., section 5.3, protocol 3 with the inner-product
 * argument), and the transcript steps that both sides share. See docs/zk.md for the derivation.
 */
final class R1csProofProtocol {

    /** Largest supported number of padded gates (2^26; far above any circuit of this project). */
    static final int MAX_LOG_GATES = 26;

    private R1csProofProtocol() {
    }

    static int paddedSize(int gates) {
        if (gates <= 1) {
            return 1;
        }
        if (gates > (1 << MAX_LOG_GATES)) {
            throw new IllegalArgumentException("circuit too large");
        }
        return Integer.highestOneBit(gates - 1) << 1;
    }

    /** Absorbs the statement's size parameters; both sides call this before the first proof message. */
    static void absorbSizes(ProofTranscript transcript, int commitments, int gates, int constraints) {
        transcript.appendSize("m", commitments);
        transcript.appendSize("n", gates);
        transcript.appendSize("q", constraints);
    }

    /**
     * {@code wires} classifies the gate wires from the constraints (see {@link PublicWires}); it must be
     * {@link PublicWires#allSecret} unless the witness has been checked to satisfy the constraints.
     */
    static R1csProof prove(ProofTranscript transcript, SecureRandom random, ConstraintRecorder constraints,
            int gates, Scalar[] aL, Scalar[] aR, Scalar[] aO, Scalar[] v, Scalar[] gamma, PublicWires wires) {
        int n = aL.length;
        absorbSizes(transcript, v.length, gates, constraints.size());

        Scalar alpha = Scalar.random(random);
        Scalar beta = Scalar.random(random);
        Scalar rho = Scalar.random(random);
        // Padding gates (index ≥ gates) are all-zero and in no constraint: their wires are publicly zero, and
        // their blinding entries are zero too, so l(x), r(x) there are the public constants 0 and −yⁱ and
        // every commitment covers only the real gates (the padding costs no constant-time work).
        Scalar[] sL = new Scalar[n];
        Scalar[] sR = new Scalar[n];
        for (int i = 0; i < n; i++) {
            sL[i] = i < gates ? Scalar.random(random) : Scalar.zero();
            sR[i] = i < gates ? Scalar.random(random) : Scalar.zero();
        }
        byte[] secret = new byte[gates];
        RistrettoPoint aI = Msm.secretVectors(alpha, aL, wires.left, aR, wires.right, gates)
                .add(Msm.mergedInputs(wires, aL, aR, gates));
        RistrettoPoint aOut = Msm.secretVectors(beta, aO, wires.output, null, null, gates);
        RistrettoPoint s = Msm.secretVectors(rho, sL, secret, sR, secret, gates);
        transcript.appendPoint("A_I", aI);
        transcript.appendPoint("A_O", aOut);
        transcript.appendPoint("S", s);
        Scalar y = transcript.challenge("y");
        Scalar z = transcript.challenge("z");
        if (y.isZero()) {
            throw new IllegalStateException("degenerate challenge y = 0 (probability 2^-252)");
        }
        ConstraintRecorder.Weights w = constraints.flatten(z, n, v.length);
        Scalar[] yPow = Scalars.powers(y, n);
        Scalar[] yInvPow = Scalars.powers(y.invert(), n);

        // l(X) = l1·X + l2·X² + l3·X³ and r(X) = r0 + r1·X + r3·X³.
        Scalar[] l1 = new Scalar[n];
        Scalar[] r0 = new Scalar[n];
        Scalar[] r1 = new Scalar[n];
        Scalar[] r3 = new Scalar[n];
        for (int i = 0; i < n; i++) {
            l1[i] = aL[i].add(yInvPow[i].multiply(w.wR()[i]));
            r0[i] = w.wO()[i].subtract(yPow[i]);
            r1[i] = yPow[i].multiply(aR[i]).add(w.wL()[i]);
            r3[i] = yPow[i].multiply(sR[i]);
        }
        Scalar[] l2 = aO;
        Scalar[] l3 = sL;
        Scalar t1 = Scalars.innerProduct(l1, r0, n);
        Scalar t3 = Scalars.innerProduct(l2, r1, n).add(Scalars.innerProduct(l3, r0, n));
        Scalar t4 = Scalars.innerProduct(l1, r3, n).add(Scalars.innerProduct(l3, r1, n));
        Scalar t5 = Scalars.innerProduct(l2, r3, n);
        Scalar t6 = Scalars.innerProduct(l3, r3, n);
        Scalar[] tau = new Scalar[7];
        RistrettoPoint[] tPoints = new RistrettoPoint[7];
        Scalar[] tCoefficients = {null, t1, null, t3, t4, t5, t6};
        for (int i : new int[] {1, 3, 4, 5, 6}) {
            tau[i] = Scalar.random(random);
            tPoints[i] = Msm.pedersen(tCoefficients[i], tau[i]);
            transcript.appendPoint("T_" + i, tPoints[i]);
        }
        Scalar x = transcript.challenge("x");
        Scalar[] xPow = Scalars.powers(x, 7);

        Scalar[] l = new Scalar[n];
        Scalar[] r = new Scalar[n];
        for (int i = 0; i < n; i++) {
            l[i] = l1[i].multiply(xPow[1]).add(l2[i].multiply(xPow[2])).add(l3[i].multiply(xPow[3]));
            r[i] = r0[i].add(r1[i].multiply(xPow[1])).add(r3[i].multiply(xPow[3]));
        }
        Scalar tHat = Scalars.innerProduct(l, r, n);
        Scalar tauX = Scalars.innerProduct(w.wV(), gamma, gamma.length).multiply(xPow[2]);
        for (int i : new int[] {1, 3, 4, 5, 6}) {
            tauX = tauX.add(tau[i].multiply(xPow[i]));
        }
        Scalar e = alpha.multiply(x).add(beta.multiply(xPow[2])).add(rho.multiply(xPow[3]));
        transcript.appendScalar("t_hat", tHat);
        transcript.appendScalar("tau_x", tauX);
        transcript.appendScalar("e", e);
        Scalar wChallenge = transcript.challenge("w");
        RistrettoPoint q = RistrettoPoint.mulBase(wChallenge);
        InnerProductProof ipp = InnerProductArgument.prove(transcript, q, yInvPow, l, r);
        return new R1csProof(aI, aOut, s, tPoints[1], tPoints[3], tPoints[4], tPoints[5], tPoints[6],
                tHat, tauX, e, ipp);
    }
}
