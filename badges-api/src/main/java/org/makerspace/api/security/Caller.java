package org.makerspace.api.security;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, for the length of one request: an account (its roles and the lab, trainer or member they are
 * scoped to) or a machine. A controller declares a {@code Caller} parameter to receive it, or a service calls
 * {@link #current()}; then one {@code require...} line states who may go on. A failed check throws
 * {@link AccessDeniedException}, answered as 403.
 *
 * <p>Scopes are plain identifier strings; those that do not apply to the caller's roles are {@code null}.
 *
 * @param username  the account's username, or {@code machine:<labId>/<machineId>} for a machine
 * @param roles     never empty
 * @param labId     the lab of a LAB_ADMIN, TRAINER, MACHINE, or of a LEARNER created by a lab
 * @param trainerId the trainer a TRAINER is
 * @param memberId  the member a LEARNER is
 * @param machineId the machine a MACHINE is
 * @param actorId   who the ledger records as having sent a command: an account's opaque id (never its username,
 *                  which may be a person's name or e-mail address, while events are kept forever), or the
 *                  username of a machine or of the system, which name no person
 */
public record Caller(String username, Set<Role> roles, String labId, String trainerId, String memberId,
                     String machineId, String actorId) {

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actorId, "actorId");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a caller has at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** A machine or the system itself: recorded under its username, which names no person. */
    public Caller(String username, Set<Role> roles, String labId, String trainerId, String memberId,
                  String machineId) {
        this(username, roles, labId, trainerId, memberId, machineId, username);
    }

    /** The caller of the current request; fails with 401 when the request is anonymous. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        throw new AuthenticationCredentialsNotFoundException(
                "authentication required: log in with POST /api/auth/login and send Authorization: Bearer <token>");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return has(Role.PLATFORM_ADMIN);
    }

    /** A LAB_ADMIN of this lab, or a PLATFORM_ADMIN. */
    public boolean isLabAdmin(String labId) {
        return isPlatformAdmin() || (has(Role.LAB_ADMIN) && sameLab(labId));
    }

    /** A LAB_ADMIN or TRAINER of this lab, or a PLATFORM_ADMIN. */
    public boolean isLabStaff(String labId) {
        return isLabAdmin(labId) || (has(Role.TRAINER) && sameLab(labId));
    }

    /** The LEARNER who is this member. */
    public boolean isMember(String memberId) {
        return has(Role.LEARNER) && this.memberId != null && this.memberId.equals(memberId);
    }

    /** The machine with this id, in any lab; prefer {@link #isMachine(String, String)} where the lab is known. */
    public boolean isMachine(String machineId) {
        return has(Role.MACHINE) && this.machineId != null && this.machineId.equals(machineId);
    }

    /** The machine with this id in this lab. */
    public boolean isMachine(String labId, String machineId) {
        return isMachine(machineId) && sameLab(labId);
    }

    public void requirePlatformAdmin() {
        require(isPlatformAdmin(), "requires PLATFORM_ADMIN");
    }

    public void requireLabAdmin(String labId) {
        require(isLabAdmin(labId), "requires LAB_ADMIN of lab " + labId);
    }

    public void requireLabStaff(String labId) {
        require(isLabStaff(labId), "requires LAB_ADMIN or TRAINER of lab " + labId);
    }

    /** The member themself, or staff of the member's lab. */
    public void requireMemberOrStaff(String memberId, String labIdOfMember) {
        require(isMember(memberId) || isLabStaff(labIdOfMember),
                "requires member " + memberId + " or LAB_ADMIN or TRAINER of lab " + labIdOfMember);
    }

    /** The member themself, or staff of one of the labs the member belongs to. */
    public void requireMemberOrStaff(String memberId, Collection<String> labsOfMember) {
        require(isMember(memberId) || labsOfMember.stream().anyMatch(this::isLabStaff),
                "requires member " + memberId + " or LAB_ADMIN or TRAINER of one of labs " + labsOfMember);
    }

    /** The member themself, or an admin of one of the labs the member belongs to. */
    public void requireMemberOrLabAdmin(String memberId, Collection<String> labsOfMember) {
        require(isMember(memberId) || labsOfMember.stream().anyMatch(this::isLabAdmin),
                "requires member " + memberId + " or LAB_ADMIN of one of labs " + labsOfMember);
    }

    /** The member themself, and nobody on their behalf: for the choices that are the member's alone. */
    public void requireMember(String memberId) {
        require(isMember(memberId), "requires member " + memberId + " themself");
    }

    public void requireMachine(String machineId) {
        require(isMachine(machineId), "requires the machine key of machine " + machineId);
    }

    public void requireMachine(String labId, String machineId) {
        require(isMachine(labId, machineId), "requires the machine key of machine " + machineId + " of lab " + labId);
    }

    private boolean sameLab(String labId) {
        return this.labId != null && this.labId.equals(labId);
    }

    private static void require(boolean allowed, String requirement) {
        if (!allowed) {
            throw new AccessDeniedException(requirement);
        }
    }
}
