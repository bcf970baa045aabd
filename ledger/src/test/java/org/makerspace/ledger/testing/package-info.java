/** Test support shared by every module: the MongoDB that storage tests talk to through the real driver. */
package org.makerspace.ledger.testing;
