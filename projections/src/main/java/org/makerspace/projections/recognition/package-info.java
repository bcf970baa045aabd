/**
 * The credentials of partner issuers that members imported, per member: shown beside the passport, and held in
 * memory so that a machine-access decision can ask, without a database round trip, which achievements of which
 * issuers a member holds at a given time.
 */
package org.makerspace.projections.recognition;
