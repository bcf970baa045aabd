/**
 * A lab's badge definitions and their versions: defined at version 1, each revision publishes the next version,
 * and retirement stops awards at the current one. A revision that changes nothing is refused, so every version
 * means something; the order of criteria carries no meaning, so reordering them alone is no change.
 */
package org.makerspace.ledger.achievement;
