package org.makerspace.ledger.member.api;

/** The part a member played in a workshop. */
public enum ContributionRole {
    PARTICIPANT, HELPER, MENTOR, FACILITATOR, REPAIRER
}
