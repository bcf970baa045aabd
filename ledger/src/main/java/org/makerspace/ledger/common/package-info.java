/** Small building blocks shared by every feature: identifier and input checks, JSON mapping and domain refusals. */
package org.makerspace.ledger.common;
