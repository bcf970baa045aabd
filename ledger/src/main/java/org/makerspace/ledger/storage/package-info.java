/** Where the ledger is stored: a MongoDB database reached through the driver, and the seam that makes writes durable. */
package org.makerspace.ledger.storage;
