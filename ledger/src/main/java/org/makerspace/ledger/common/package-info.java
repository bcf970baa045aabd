/** Small building blocks shared by every feature's messages. */
package org.makerspace.ledger.common;
