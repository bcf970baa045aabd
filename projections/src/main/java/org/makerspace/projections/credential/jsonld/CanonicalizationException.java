package org.makerspace.projections.credential.jsonld;

/** A document could not be turned into canonical RDF: a refused context, an undefined term, or a hostile graph. */
public final class CanonicalizationException extends RuntimeException {

    public CanonicalizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
