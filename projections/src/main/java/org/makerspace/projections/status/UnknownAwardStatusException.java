package org.makerspace.projections.status;

/** A status change or status entry was asked for an award the registry has not given an index. */
public class UnknownAwardStatusException extends RuntimeException {

    public UnknownAwardStatusException(String awardId) {
        super("award " + awardId + " has no status list index: register it before its credential is issued");
    }
}
