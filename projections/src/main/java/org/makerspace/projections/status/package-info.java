/**
 * Credential status for Open Badges 3.0, after W3C Bitstring Status List v1.0: a {@link
 * org.makerspace.projections.status.StatusList} value (one bit per credential, GZIP and multibase base64url on the
 * wire) and the {@link org.makerspace.projections.status.StatusListRegistry} read model, which gives every award one
 * index in its lab's revocation and suspension lists and flips their bits. The registry is driven by the projection
 * that issues credentials, inside its event handlers: it must be called in one sequence (one segment, or a
 * sequential policy), so that a replay hands out the same indexes in the same order.
 */
package org.makerspace.projections.status;
