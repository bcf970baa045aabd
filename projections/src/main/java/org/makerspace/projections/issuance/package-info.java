/**
 * Issuance of the Open Badges 3.0 credential of every award, and its revocation and suspension.
 *
 * <p><b>From the ledger alone.</b> {@link org.makerspace.projections.issuance.IssuanceProjection} is a processing
 * group of its own, {@code issuance}, run in one sequence: it issues a credential when it reads the ledger's
 * {@code AchievementAwarded}, and keeps itself everything a credential is built from (the labs' registered profiles,
 * every version of every achievement, the terms of the members' certifications, the machines their sessions ran on,
 * the status decisions), so that it rebuilds from the ledger whatever the other read models hold. The stream's order
 * puts a lab's registration, an achievement's version and a certification's grant before any award naming them.
 *
 * <p><b>Validity follows the certifications.</b> A credential ends when the certifications behind it end, by the rule
 * the passport and machine access apply ({@link org.makerspace.projections.certification.CertificationTerm}). A
 * session that moves on the end of a certification expiring after months without use has the credentials naming it
 * signed again (same id, key, status index and start; the new end), so that what anyone fetches agrees with the
 * passport and the machine.
 *
 * <p><b>Once, and the same on a replay.</b> A credential is written once, under the award id, in
 * {@code issued_credentials}, after everything else it needs (status index, routes, earlier decisions), so a
 * redelivered event finds it and stops. Every input is a function of the ledger: the award (ids and business time),
 * the awarded version of the achievement, the lab's registered profile, the lab's key active at the award's business
 * time (its first key for older history), the status index the registry hands out in award order, and the end of the
 * certifications behind a CertificationHeld criterion. Ed25519, RDFC-1.0 and the credential JSON mapping
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
