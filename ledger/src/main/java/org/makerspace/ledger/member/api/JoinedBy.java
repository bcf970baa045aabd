package org.makerspace.ledger.member.api;

/** Whose act made a member join a lab. */
public enum JoinedBy {
    /** The member themself. */
    MEMBER,
    /** An admin of a lab the member already belonged to. */
    LAB_ADMIN
}
