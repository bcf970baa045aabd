/**
 * Where the ledger is stored: a MongoDB database reached through the driver, the seam that makes writes durable, and
 * the owner-only files a store on this machine is kept in.
 */
package org.makerspace.ledger.storage;
