package org.makerspace.api.member.pages;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.member.LedgerRegistrations;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.pages.Page;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.passport.FindMemberPassport;
import org.makerspace.projections.passport.MemberPassport;
import org.makerspace.projections.passport.PassportProjection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lab staff find a learner of their lab by the first letters of their name, and open their passport. The search is
 * a plain GET form; with htmx it refreshes the results as one types.
 */
@Page
@Controller
@Hidden
class LearnerPages {

    /** More than a phone screen shows: beyond, typing one more letter is quicker than scrolling. */
    static final int RESULTS = 20;

    private final MemberDirectory directory;
    private final LedgerRegistrations registrations;
    private final PassportProjection passports;
    private final Clock clock;

    LearnerPages(MemberDirectory directory, LedgerRegistrations registrations, PassportProjection passports,
                 Clock clock) {
        this.directory = directory;
        this.registrations = registrations;
        this.passports = passports;
        this.clock = clock;
    }

    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/app/learners")
    String search(@RequestParam(name = "q", defaultValue = "") String typed,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Caller caller, Model model) {
        caller.requireLabStaff(caller.labId());
        List<MemberProfile> found = directory.search(caller.labId(), typed, RESULTS);
        model.addAttribute("typed", typed.strip());
        model.addAttribute("learners", found);
        return htmx != null ? "learner/search :: results" : "learner/search";
    }

    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/app/learners/{memberId}")
    String passport(@PathVariable String memberId, Caller caller, Model model) {
        Set<String> labs = new LinkedHashSet<>(registrations.labsOf(MemberId.of(memberId)));
        MemberProfile profile = directory.find(memberId).orElseThrow(() -> NotFound.of("member", memberId));
        labs.add(profile.labId());
        if (labs.stream().noneMatch(caller::isLabStaff)) {
            caller.requireLabStaff(profile.labId());
        }
        MemberPassport passport = passports.find(new FindMemberPassport(MemberId.of(memberId), clock.instant()));
        model.addAttribute("learner", profile);
        model.addAttribute("passport", passport);
        model.addAttribute("certifications", passport == null ? List.of()
                : passport.certifications().stream().map(CertificationLine::of).toList());
        return "learner/passport";
    }
}
