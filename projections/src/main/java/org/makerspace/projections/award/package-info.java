/**
 * Achievement awards: the projection keeps each lab's achievement definitions and machines and each member's
 * countable facts, and writes an immutable award record, once per member and achievement, when every criterion of
 * an active achievement holds. It tells each award to its {@link org.makerspace.projections.award.AwardListener},
 * which issues the award's Open Badges credential into a collection of its own keyed by award id, so award records
 * are never rewritten. Its processing group must run in one sequence (one segment, or a sequential policy), because
 * which event triggers an award depends on the order of member and achievement events.
 */
package org.makerspace.projections.award;
