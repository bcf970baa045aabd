/**
 * What other issuers certified about a member: credentials of partner labs, verified by the application and
 * imported, each credential once. A record of its own per member, beside the member aggregate, so that recognition
 * never has to load (or lock) the member's passport; the application checks the member, the credential and the
 * partnership before it sends the command.
 */
package org.makerspace.ledger.recognition;
