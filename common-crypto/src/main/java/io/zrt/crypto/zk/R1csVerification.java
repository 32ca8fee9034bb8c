package io.zrt.crypto.zk;

import io.zrt.crypto.VerificationException;
import io.zrt.crypto.ristretto.RistrettoPoint;
import io.zrt.crypto.ristretto.Scalar;
import java.security.SecureRandom;
import java.util.List;

/**
 * The verifier's side of the R1CS argument: replays the transcript and folds both checks (the t̂ polynomial
 * identity and the inner-product argument, combined with a random r) into one equation Σ sᵢ·Pᵢ = 0.
 * See docs/zk.md for the derivation of every coefficient.
 */
final class R1csVerification {

    private R1csVerification() {
    }

    static VerificationEquation equation(ProofTranscript transcript, ConstraintRecorder constraints,
            List<RistrettoPoint> commitments, int gates, R1csProof proof, SecureRandom random, Scalar weight)
            throws VerificationException {
        int n = R1csProofProtocol.paddedSize(gates);
        int rounds = Integer.numberOfTrailingZeros(n);
        InnerProductProof ipp = proof.innerProduct();
        if (ipp.rounds() != rounds) {
            throw new VerificationException("proof is for a circuit of another size");
        }
        int m = commitments.size();
        R1csProofProtocol.absorbSizes(transcript, m, gates, constraints.size());
        transcript.appendPoint("A_I", proof.aI());
        transcript.appendPoint("A_O", proof.aO());
        transcript.appendPoint("S", proof.s());
        Scalar y = transcript.challenge("y");
        Scalar z = transcript.challenge("z");
        transcript.appendPoint("T_1", proof.t1());
        transcript.appendPoint("T_3", proof.t3());
        transcript.appendPoint("T_4", proof.t4());
        transcript.appendPoint("T_5", proof.t5());
        transcript.appendPoint("T_6", proof.t6());
        Scalar x = transcript.challenge("x");
        transcript.appendScalar("t_hat", proof.tHat());
        transcript.appendScalar("tau_x", proof.tauX());
        transcript.appendScalar("e", proof.e());
        Scalar w = transcript.challenge("w");
        transcript.appendSize("ipa-n", n);
        Scalar[] toInvert = new Scalar[rounds + 1];
        for (int k = 0; k < rounds; k++) {
            transcript.appendPoint("L", ipp.left().get(k));
            transcript.appendPoint("R", ipp.right().get(k));
            toInvert[k] = transcript.challenge("u");
        }
        toInvert[rounds] = y;
        for (Scalar c : toInvert) {
            if (c.isZero()) {
                throw new VerificationException("degenerate challenge");
            }
        }
        Scalar[] inverses = Scalar.batchInvert(toInvert);
        Scalar[] u = java.util.Arrays.copyOf(toInvert, rounds);
        Scalar[] uInv = java.util.Arrays.copyOf(inverses, rounds);
        Scalar yInv = inverses[rounds];

        ConstraintRecorder.Weights weights = constraints.flatten(z, n, m);
        Scalar[] s = InnerProductArgument.foldingCoefficients(u, uInv, n);
        Scalar r = Scalar.random(random);
        while (r.isZero()) {
            r = Scalar.random(random); // r = 0 would silently drop the t̂ check
        }
        Scalar a = ipp.a();
        Scalar b = ipp.b();
        Scalar[] xPow = Scalars.powers(x, 7);

        // Every scalar carries the batch weight c (1 for a single proof) at no extra cost: the running power
        // c·y⁻ⁱ replaces y⁻ⁱ, and c·x, c·a, c·b are formed once.
        Scalar[] gScalars = new Scalar[n];
        Scalar[] hScalars = new Scalar[n];
        Scalar weightedDelta = Scalar.zero();
        Scalar cyInv = weight;
        Scalar ca = weight.multiply(a);
        Scalar minusC = weight.negate();
        // The weights are public: zero weights (every padding gate, unused wires) skip their multiplications.
        for (int i = 0; i < n; i++) {
            Scalar wL = weights.wL()[i];
            Scalar wR = weights.wR()[i];
            Scalar wO = weights.wO()[i];
            Scalar gScalar = ca.multiply(s[i]).negate();
            if (!wR.isZero()) {
                Scalar wRcy = wR.multiply(cyInv);
                if (!wL.isZero()) {
                    weightedDelta = weightedDelta.add(wRcy.multiply(wL));
                }
                gScalar = gScalar.add(x.multiply(wRcy));
            }
            gScalars[i] = gScalar;
            Scalar inner = b.multiply(s[n - 1 - i]).negate();
            if (!wL.isZero()) {
                inner = inner.add(x.multiply(wL));
            }
            if (!wO.isZero()) {
                inner = inner.add(wO);
            }
            hScalars[i] = cyInv.multiply(inner).add(minusC);
            cyInv = cyInv.multiply(yInv);
        }
        Scalar tHat = proof.tHat();
        Scalar cr = weight.multiply(r);
        Scalar valueBase = weight.multiply(w).multiply(tHat.subtract(a.multiply(b)))
                .add(cr.multiply(tHat))
                .subtract(xPow[2].multiply(r).multiply(weightedDelta.add(weight.multiply(weights.wc()))));
        Scalar blindingBase = cr.multiply(proof.tauX()).subtract(weight.multiply(proof.e()));
        Scalar cx = weight.multiply(x);

        int dynamic = m + 8 + 2 * rounds;
        Scalar[] scalars = new Scalar[dynamic];
        RistrettoPoint[] points = new RistrettoPoint[dynamic];
        Scalar rx2 = cr.multiply(xPow[2]);
        int at = 0;
        for (int j = 0; j < m; j++) {
            scalars[at] = rx2.multiply(weights.wV()[j]).negate();
            points[at++] = commitments.get(j);
        }
        RistrettoPoint[] fixed = {proof.aI(), proof.aO(), proof.s(), proof.t1(), proof.t3(), proof.t4(),
            proof.t5(), proof.t6()};
        Scalar[] fixedScalars = {cx, cx.multiply(x), cx.multiply(xPow[2]), cr.multiply(xPow[1]).negate(),
            cr.multiply(xPow[3]).negate(), cr.multiply(xPow[4]).negate(), cr.multiply(xPow[5]).negate(),
            cr.multiply(xPow[6]).negate()};
        for (int i = 0; i < fixed.length; i++) {
            scalars[at] = fixedScalars[i];
            points[at++] = fixed[i];
        }
        for (int k = 0; k < rounds; k++) {
            scalars[at] = weight.multiply(u[k].square());
            points[at++] = ipp.left().get(k);
            scalars[at] = weight.multiply(uInv[k].square());
            points[at++] = ipp.right().get(k);
        }
        return new VerificationEquation(gScalars, hScalars, valueBase, blindingBase, scalars, points);
    }
}
