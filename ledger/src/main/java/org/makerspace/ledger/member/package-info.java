/**
 * A member's skills passport: registration in a lab, linked cards, trainings, machine certifications, workshop
 * contributions, suspension, and what a lab decided about an award made to the member (revoked, suspended,
 * reinstated: the read side decides awards, the ledger records these decisions, idempotently). The member decides alone over what it recorded and asks the lab, through {@link
 * org.makerspace.ledger.lab.LabRules}, about the lab's trainers and machines. A suspended member can still be
 * trained, certified and credited: suspension withholds machine access, which access decisions read from the
 * events, while the record of what the member learnt stays complete. Business times are never checked against
 * the registration, since history is often imported later; an act on a record (a retraction, a suspension, a
 * reinstatement, a revocation, an unlinking) may not be dated before the state it acts on.
 */
package org.makerspace.ledger.member;
