package org.makerspace.api.member;

/**
 * Who a member is, as far as the lab needs to know: never written to the ledger.
 *
 * @param displayName how the member is called in the lab (a first name or a nickname is enough)
 * @param email       optional
 * @param birthYear   optional; tells the lab whether a minor's guardian must be involved
 * @param erased      the member asked to be forgotten: every personal field is empty for good
 */
public record MemberProfile(String memberId, String labId, String displayName, String email, Integer birthYear,
                            boolean erased) {
}
