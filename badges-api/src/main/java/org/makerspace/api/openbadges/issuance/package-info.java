/**
 * The wiring of credential issuance: the master key (configured, or a key file on the embedded default), the public
 * base URL every credential names, and the issuance projection in the award processing group.
 */
package org.makerspace.api.openbadges.issuance;
