/**
 * Demo data on request ({@code ledger.demo.enabled}): a sample lab with a deterministic history, seeded into an empty
 * ledger through the same commands the HTTP API sends.
 */
package org.makerspace.api.demo;
