/**
 * Open Badges 3.0 {@code OpenBadgeCredential}s (W3C VC Data Model 2.0) for awards: built from plain inputs with a
 * fixed field order, signed with an eddsa-rdfc-2022 proof or as a VC-JWT, and verified into a list of named checks
 * (signature, contexts, safe mode, schema, validity, and the caller's status and issuer-trust hooks).
 */
package org.makerspace.projections.credential.ob3;
