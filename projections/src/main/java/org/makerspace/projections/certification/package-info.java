/**
 * When a machine certification holds: the one rule that the passport, machine access (and through it the signed
 * allowlists), the award decisions and the credentials all apply to the same facts, sessions included, so that they
 * can never disagree about a certification.
 */
package org.makerspace.projections.certification;
