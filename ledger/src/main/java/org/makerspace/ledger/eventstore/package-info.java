/** The ledger's own Axon event storage engine on MongoDB: global positions, atomic commits, unique-key lookups only. */
package org.makerspace.ledger.eventstore;
