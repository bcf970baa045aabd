/** The HTTP layer's access to the ledger: sending commands as the caller, with conflicts retried. */
package org.makerspace.api.ledger;
