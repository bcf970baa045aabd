/**
 * Which issuers outside this installation our labs trust as partners: per lab, its partners (for the lab's public
 * page), and per issuer, the labs that trust it (for the verifier, which trusts an issuer that at least one of our
 * labs declared, and for imports, which need the member's own lab among them). Every read is a lookup by
 * {@code _id}. Both documents of an event are written by one handler, so the processing group must run in one
 * sequence (one segment, or a sequential policy).
 */
package org.makerspace.projections.trust;
