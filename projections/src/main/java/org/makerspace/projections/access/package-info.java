/**
 * Machine access: who may use which machine now, decided from memory in microseconds, with the same state written
 * to MongoDB so that a restart loads it instead of replaying the ledger.
 */
package org.makerspace.projections.access;
