/**
 * Ed25519 keys in Multikey form and the W3C Data Integrity cryptosuite eddsa-rdfc-2022: RDFC-1.0 canonical forms of
 * the document and the proof options, hashed with SHA-256 and signed with Ed25519 (deterministic, so the same input
 * gives the same proof).
 */
package org.makerspace.projections.credential.proof;
