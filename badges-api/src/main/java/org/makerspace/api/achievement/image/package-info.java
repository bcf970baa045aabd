/**
 * The badge images labs upload for their achievements. An upload is read within a size limit and checked strictly
 * (a PNG must decode within sane, near-square dimensions; an SVG must parse without DTD and hold nothing active or
 * external), then stored content-addressed, under the SHA-256 of its bytes, and made durable before the ledger records
 * a version naming it. Images are never changed nor deleted: a path always serves the same bytes.
 */
package org.makerspace.api.achievement.image;
