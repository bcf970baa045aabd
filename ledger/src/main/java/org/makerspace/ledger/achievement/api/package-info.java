/** Messages of the achievement feature: badge definitions and their versions. */
package org.makerspace.ledger.achievement.api;
