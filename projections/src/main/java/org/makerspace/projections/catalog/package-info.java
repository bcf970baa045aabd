/**
 * The lab catalog, the public and staff view of labs: one document per lab with its profile, machines, trainers and
 * achievements, plus small routing documents (machine id to lab id, achievement id to lab id) so that every read is
 * a lookup by {@code _id}. Lab and achievement events write the same lab document, so its processing group must run
 * in one sequence (one segment, or a sequential policy), like the award projection.
 */
package org.makerspace.projections.catalog;
