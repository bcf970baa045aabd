/** The embedded MongoDB wire-protocol server used when no MongoDB URI is configured, and its durability wiring. */
package org.makerspace.ledger.storage.embedded;
