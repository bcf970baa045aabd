package org.makerspace.api.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The application's front door: what it is, and where lab staff log in. */
@Page
@Controller
@Hidden
class LandingPage {

    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/")
    String landing() {
        return "landing";
    }
}
