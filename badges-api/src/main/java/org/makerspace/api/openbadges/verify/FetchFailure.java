package org.makerspace.api.openbadges.verify;

/** A partner's document could not be fetched, or was not fetched on purpose; the message says which and why. */
final class FetchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    FetchFailure(String message) {
        super(message);
    }
}
