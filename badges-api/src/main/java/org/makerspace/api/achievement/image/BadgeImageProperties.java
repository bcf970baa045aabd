package org.makerspace.api.achievement.image;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of uploaded badge images. A badge is shown small (a 256-pixel slot on its page, a card in a link
 * preview), so these leave plenty of room for a sharp image while keeping every credential's image cheap to serve.
 *
 * @param maxPngSize the largest PNG accepted
 * @param maxSvgSize the largest SVG accepted: text, so far less is needed for the same picture
 * @param minPixels  the shortest side a PNG may have, in pixels
 * @param maxPixels  the longest side a PNG may have, in pixels; also bounds the memory decoding takes
 */
@ConfigurationProperties("ledger.badge-images")
public record BadgeImageProperties(@DefaultValue("512KB") DataSize maxPngSize,
                                   @DefaultValue("128KB") DataSize maxSvgSize,
                                   @DefaultValue("64") int minPixels,
                                   @DefaultValue("2048") int maxPixels) {

    public BadgeImageProperties {
        if (minPixels < 1 || maxPixels < minPixels) {
            throw new IllegalArgumentException("ledger.badge-images needs 1 <= min-pixels <= max-pixels, but has "
                                               + minPixels + " and " + maxPixels);
        }
    }
}
