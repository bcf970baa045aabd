package org.makerspace.api.audience;

import java.util.Locale;

/**
 * Who may call an operation, as its {@link OpenTo} states it: published in the OpenAPI document as {@code x-open-to}
 * and checked twice, by role before the request body is read ({@link AccessRuleInterceptor}), and by scope (which lab,
 * member or machine) in the operation itself, once it knows what the request is about.
 */
public enum AccessRule {

    /** Anyone, without credentials. */
    PUBLIC("anyone, without credentials"),
    /** Anyone with credentials: an account or a machine key. */
    SIGNED_IN("any account or machine key"),
    /** Any signed-in person (an account, not a machine key). */
    ACCOUNT("any signed-in account"),
    PLATFORM_ADMIN("a platform admin"),
    /** An admin of the lab the request is about, or a platform admin. */
    LAB_ADMIN("an admin of the lab concerned, or a platform admin"),
    /** A trainer or admin of the lab the request is about, or a platform admin. */
    LAB_STAFF("a trainer or admin of the lab concerned, or a platform admin"),
    /** The member the request is about, and nobody on their behalf. */
    MEMBER("the member themself"),
    /** The member, or staff of a lab the member belongs to. */
    MEMBER_OR_STAFF("the member themself, or a trainer or admin of a lab the member belongs to"),
    /** The member, or an admin of a lab the member belongs to. */
    MEMBER_OR_LAB_ADMIN("the member themself, or an admin of a lab the member belongs to"),
    /** The machine's own key. */
    MACHINE("the machine's own key");

    private final String description;

    AccessRule(String description) {
        this.description = description;
    }

    /** The rule as the OpenAPI document names it, such as {@code lab-staff}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Who the rule lets in, in a few words, for the OpenAPI document. */
    public String description() {
        return description;
    }
}
