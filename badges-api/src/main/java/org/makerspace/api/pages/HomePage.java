package org.makerspace.api.pages;

import io.swagger.v3.oas.annotations.Hidden;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.security.Caller;
import org.makerspace.api.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a person lands after logging in, by role: lab staff find a learner; others are told their pages are not
 * there yet rather than shown a refusal.
 */
@Page
@Controller
@Hidden
class HomePage {

    @OpenTo(AccessRule.ACCOUNT)
    @GetMapping("/app")
    String home(Caller caller) {
        boolean labStaff = caller.labId() != null && (caller.has(Role.TRAINER) || caller.has(Role.LAB_ADMIN));
        return labStaff ? "home/staff" : "home/no-pages";
    }
}
