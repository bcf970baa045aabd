/**
 * Machine sessions as controllers report them: one small aggregate per session, so that a report never loads (or
 * locks) the member's passport, and a report sent twice (a controller's offline queue replayed) records nothing new.
 */
package org.makerspace.ledger.session;
