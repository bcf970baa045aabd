package org.makerspace.api.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff's login form; Spring Security checks what it posts to {@code /login}. */
@Page
@Controller
@Hidden
class LoginPage {

    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/login")
    String login() {
        return "login";
    }
}
