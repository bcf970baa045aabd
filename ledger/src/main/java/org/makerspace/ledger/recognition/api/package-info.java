/** Messages of the recognition feature: credentials of other issuers imported into a member's record. */
package org.makerspace.ledger.recognition.api;
