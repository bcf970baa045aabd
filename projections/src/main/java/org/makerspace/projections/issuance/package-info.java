/**
 * Issuance of the Open Badges 3.0 credential of every award, and its revocation and suspension.
 *
 * <p><b>The hook.</b> {@link org.makerspace.projections.issuance.IssuanceProjection} is the award projection's
 * {@link org.makerspace.projections.award.AwardListener}: the award projection calls it inside the event handler
 * that makes the award, which hands over the achievement in the version it awarded and the certifications it used.
 * Its own event handlers (lab registrations, achievement versions, certification and award status changes) are a
 * second handler class of the same processing group, {@code award}, whose events run in one sequence. So the
 * credential is issued in the same unit of work as the award, and everything issuance reads (the lab's profile, its
 * keys, a certification's revocation) is seen in exactly the order the award decisions saw it. The alternative, a
 * processing group of its own re-reading the award collection, would race the award processor: it could reach the
 * triggering event before the award is written, or a certification's revocation before the credential it revokes.
 *
 * <p><b>Once, and the same on a replay.</b> A credential is written once, under the award id, in
 * {@code issued_credentials}, after everything else it needs (status index, routes, earlier decisions), so a
 * redelivered event finds it and stops. Every input is a function of the ledger: the award (ids and business time),
 * the awarded version of the achievement, the lab's registered profile, the lab's key active at the award's business
 * time (its first key for older history), the status index the registry hands out in award order, and the validity
 * end of the certifications behind a CertificationHeld criterion. Ed25519, RDFC-1.0 and the credential JSON mapping
 * are deterministic, and no recipient name is written (the directory of names is mutable and erasable). Replaying
 * the ledger after dropping the read models (including the credentials and status lists, but not
 * {@code issuer_keys}, which are not a read model) therefore gives byte-identical credentials.
 *
 * <p><b>Status.</b> Each award has one index in its lab's revocation and suspension lists. The 1EdTech schema allows
 * a single {@code credentialStatus} object, so the credential names the revocation list only; the suspension list
 * holds the award at the same index, published beside it, and {@link
 * org.makerspace.projections.issuance.RegistryStatusCheck} checks both. Revoking a certification revokes every
 * credential whose evidence names it; suspending one suspends them until it is reinstated; a lab's own revocation,
 * suspension and reinstatement of an award act on its credential alone. A credential stays suspended while any
 * cause holds (the lab's, or a certification's). Status changes are dated with the business time the event carries.
 *
 * <p><b>Named copies.</b> A learner may choose to show their name on their credentials. The stored credential stays
 * anonymous; {@link org.makerspace.projections.issuance.NamedCredentials} builds a named copy on request from the
 * same inputs, with the name (kept only in the erasable member directory, outside the ledger) and an id of its own,
 * signs it with the key that signed the credential, and stores nothing. It keeps the credential's status entry, so a
 * revocation or suspension of the award holds for every copy.
 */
package org.makerspace.projections.issuance;
