/** Card UIDs become keyed fingerprints before they reach the ledger; the UID itself is never stored. */
package org.makerspace.api.card;
