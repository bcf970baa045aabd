/**
 * The member passport: one document per member with their trainings, certifications and contributions, read by
 * member id and joined at query time with the member's awards, certification statuses computed at the asked time.
 */
package org.makerspace.projections.passport;
