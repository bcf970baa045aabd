/**
 * The decision log: every access decision a machine was given online, and those its controller took offline, kept
 * for audits in {@code access_decisions}. Decisions are not ledger facts (nothing is decided from them), so they are
 * not events: the online ones are queued in memory and written in batches, off the decision path.
 */
package org.makerspace.api.access.decisions;
