package org.makerspace.projections.credential.proof;

/** The outcome of checking a proof: whether it holds and why, with the verification method it named, if any. */
public record ProofCheck(boolean ok, String detail, String verificationMethod) {

    static ProofCheck failed(String detail, String verificationMethod) {
        return new ProofCheck(false, detail, verificationMethod);
    }
}
