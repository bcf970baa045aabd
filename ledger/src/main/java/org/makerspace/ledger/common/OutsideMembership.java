package org.makerspace.ledger.common;

/**
 * A lab tried to record something about a member who is not one of its members: a lab records facts only about its
 * own members. Its code is {@code not-a-member-of-lab}.
 */
public class OutsideMembership extends DomainRefusal {

    public static final String CODE = "not-a-member-of-lab";

    public OutsideMembership(String message) {
        super(CODE, message);
    }
}
