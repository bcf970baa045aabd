package org.makerspace.api.security;

/**
 * Which trainers each lab registered, as far as accounts need to know: a trainer account may only be bound to a
 * trainer of the lab the account is created for. Implemented by the lab feature, from the ledger.
 */
public interface TrainerRoster {

    /** Whether the lab registered this trainer. */
    boolean isTrainerOf(String labId, String trainerId);
}
