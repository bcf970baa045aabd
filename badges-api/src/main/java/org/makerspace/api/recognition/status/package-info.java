/**
 * Following what partners say of the credentials our members imported: their status lists are read again
 * periodically, and a revocation, a suspension, its lifting, or an issuer out of reach for too long is recorded in the
 * ledger, from where machine access, the allowlists and the passport take it.
 */
package org.makerspace.api.recognition.status;
