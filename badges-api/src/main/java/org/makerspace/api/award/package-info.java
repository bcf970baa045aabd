/**
 * Awards in the application: the award decisions record what they decide through the command bus, and a
 * reconciliation after each start records what they may have missed.
 */
package org.makerspace.api.award;
