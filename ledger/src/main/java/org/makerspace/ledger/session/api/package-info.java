/** Messages of the session feature: a member's use of a machine, started and ended, as its controller reported it. */
package org.makerspace.ledger.session.api;
