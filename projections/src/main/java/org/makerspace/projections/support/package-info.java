/**
 * Shared storage plumbing of the read models: immutable row records mapped to MongoDB documents by one fixed JSON
 * mapping, read and written only by {@code _id} on the hot path.
 */
package org.makerspace.projections.support;
