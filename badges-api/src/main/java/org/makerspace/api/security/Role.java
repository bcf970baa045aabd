package org.makerspace.api.security;

/** What a caller may do; every role but {@link #PLATFORM_ADMIN} is scoped to a lab, a trainer, a member or a machine. */
public enum Role {

    /** Operates the instance and registers labs; may do anything. */
    PLATFORM_ADMIN,
    /** Administers one lab: its staff accounts, machines and machine keys. */
    LAB_ADMIN,
    /** Trains and certifies members of one lab, as one of its trainers. */
    TRAINER,
    /** A member looking at their own passport. */
    LEARNER,
    /** A controller box next to a machine, authenticated by a machine key; never the role of an account. */
    MACHINE;

    /** The Spring Security authority of this role, as {@code hasRole(...)} expects it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
