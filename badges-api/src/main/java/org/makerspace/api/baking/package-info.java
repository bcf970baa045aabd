/**
 * Baked badges: an Open Badges credential (3.0) or assertion (2.0) carried inside its badge image, after the 1EdTech
 * baking rules. In a PNG it is an uncompressed {@code iTXt} chunk placed before {@code IEND}, every other chunk kept
 * byte for byte; in an SVG it is an {@code openbadges:} element as the root's first child. SVG is read with a parser
 * that refuses any DTD, so no entity, external or internal, is ever expanded. Images over 5 MiB are refused.
 */
package org.makerspace.api.baking;
