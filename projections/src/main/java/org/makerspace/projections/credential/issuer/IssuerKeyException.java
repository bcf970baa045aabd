package org.makerspace.projections.credential.issuer;

/** A signing key cannot be used: unknown, not yet valid, or not decryptable with this master key. */
public final class IssuerKeyException extends RuntimeException {

    public IssuerKeyException(String message) {
        super(message);
    }
}
