/**
 * Backing up and restoring what the ledger cannot rebuild: the facts, the accounts, the personal data, the keys and
 * images; {@code java -jar … backup <archive>} and {@code restore <archive>}, for the embedded store and a MongoDB
 * replica set alike. Read models are left out and rebuilt from the ledger at the first start after a restore.
 */
package org.makerspace.api.backup;
