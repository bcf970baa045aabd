/**
 * The default image of an achievement whose lab uploaded none: a round badge with the achievement's name, the lab's
 * name and a colour of its machine type (or of its id), as an SVG (the same design always gives the same bytes) and
 * as PNGs drawn with Java2D from the same geometry, a 512x512 badge and a 1200x630 Open Graph card for link
 * previews. Drawing needs no display ({@code java.awt.headless=true} is set when nothing else chose), but it does
 * need one installed font: the runtime image must carry fontconfig and a font such as DejaVu Sans.
 */
package org.makerspace.api.badgeimage;
