package org.makerspace.api.openbadges.verify;

/** A partner's document could not be fetched, or was not fetched on purpose; the message says which and why. */
final class FetchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The HTTP status the document's host answered with, or 0 when it gave none (refused, unreachable, too slow). */
    private final int status;

    FetchFailure(String message) {
        this(message, 0);
    }

    FetchFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    /** Whether the host answered that it has no such document (404, 410). */
    boolean notFound() {
        return status == 404 || status == 410;
    }
}
