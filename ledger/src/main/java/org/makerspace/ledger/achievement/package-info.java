/**
 * A lab's badge definitions and their versions: defined at version 1, each revision publishes the next version,
 * and retirement stops awards at the current one. A revision that changes nothing is refused, so every version
 * means something; the order of criteria carries no meaning, so reordering them alone is no change. Uploading an
 * image is a revision of the image alone, checked against the stored images ({@code UploadedImages}) so that no
 * version names an image that cannot be served.
 */
package org.makerspace.ledger.achievement;
