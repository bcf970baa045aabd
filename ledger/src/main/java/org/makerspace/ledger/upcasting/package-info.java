/**
 * Upcasters: events are kept forever, so a change of an event's shape is a new revision, and an upcaster here turns
 * the stored older revision into the new one as it is read. The application registers each with the event store.
 */
package org.makerspace.ledger.upcasting;
