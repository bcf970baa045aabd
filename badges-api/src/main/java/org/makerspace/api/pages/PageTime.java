package org.makerspace.api.pages;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The time zone pages show dates in ({@code zone} in every page's model): the labs' own, set by
 * {@code ledger.pages.time-zone} (Europe/Paris by default) until each lab's profile carries its own.
 */
@ControllerAdvice(annotations = Page.class)
class PageTime {

    private final ZoneId zone;

    PageTime(@Value("${ledger.pages.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }
}
