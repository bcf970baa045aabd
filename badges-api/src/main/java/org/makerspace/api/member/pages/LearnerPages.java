package org.makerspace.api.member.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.LedgerRegistrations.RecordKind;
import org.makerspace.api.member.LedgerRegistrations;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.member.MemberRegistration;
import org.makerspace.api.pages.Page;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendMachineCertification;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindLab;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.passport.CertificationStatus;
import org.makerspace.projections.passport.FindMemberPassport;
import org.makerspace.projections.passport.MemberPassport;
import org.makerspace.projections.passport.PassportProjection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    /** How long a certification may be valid, as the form offers it; the first is the usual one. */
    static final List<String> VALIDITIES = List.of("P1Y", "P6M", "P2Y", "never");
    /** What a card reader types: the card's UID in hexadecimal, sometimes with colons; names never look like it. */
    static final Pattern CARD_UID = Pattern.compile(
            "(?i)[0-9a-f]{2}(:?[0-9a-f]{2}){3,15}");
    /** How long an action waits for the passport to show what it recorded before showing the learner's page. */
    static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final MemberDirectory directory;
    private final LedgerRegistrations registrations;
    private final PassportProjection passports;
    private final CatalogProjection catalog;
    private final AccessProjection access;
    private final CardFingerprints fingerprints;
    private final MemberRegistration registration;
    private final LedgerCommands commands;
    private final Clock clock;

    LearnerPages(MemberDirectory directory, LedgerRegistrations registrations, PassportProjection passports,
                 CatalogProjection catalog, AccessProjection access, CardFingerprints fingerprints,
                 MemberRegistration registration, LedgerCommands commands, Clock clock) {
        this.access = access;
        this.fingerprints = fingerprints;
        this.registration = registration;
        this.catalog = catalog;
        this.commands = commands;
        this.directory = directory;
        this.registrations = registrations;
        this.passports = passports;
        this.clock = clock;
    }

    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/app/learners")
    String search(@RequestParam(name = "q", defaultValue = "") String typed,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Caller caller, Model model,
                  HttpServletResponse response) {
        caller.requireLabStaff(caller.labId());
        Optional<String> cardHolder = holderOfCard(typed, caller.labId());
        if (cardHolder.isPresent()) {
            // A card reader types the card's UID: straight to its holder's page.
            String page = "/app/learners/" + cardHolder.get();
            if (htmx != null) {
                response.setHeader("HX-Redirect", page);
                return null;
            }
            return "redirect:" + page;
        }
        List<MemberProfile> found = directory.search(caller.labId(), typed, RESULTS);
        model.addAttribute("typed", typed.strip());
        model.addAttribute("learners", found);
        return htmx != null ? "learner/search :: results" : "learner/search";
    }

    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/app/learners/{memberId}")
    String passport(@PathVariable String memberId, Caller caller, Model model) {
        MemberProfile profile = directory.find(memberId).orElseThrow(() -> NotFound.of("member", memberId));
        Set<String> labs = registrations.labsOf(MemberId.of(memberId), Optional.of(profile));
        if (labs.stream().noneMatch(caller::isLabStaff)) {
            caller.requireLabStaff(profile.labId());
        }
        MemberPassport passport = passports.find(new FindMemberPassport(MemberId.of(memberId), clock.instant()));
        model.addAttribute("learner", profile);
        model.addAttribute("shortName", shortName(profile.displayName()));
        model.addAttribute("passport", passport);
        model.addAttribute("certifications", passport == null ? List.of()
                : passport.certifications().stream().map(CertificationLine::of).toList());
        LabView lab = catalog.find(new FindLab(LabId.of(caller.labId() != null ? caller.labId() : profile.labId())));
        List<String> machineTypes = lab == null ? List.of()
                : lab.machines().stream().map(machine -> machine.machineType().code()).distinct().sorted().toList();
        model.addAttribute("machineTypes", machineTypes);
        model.addAttribute("levels", CertificationLevel.values());
        model.addAttribute("validities", VALIDITIES);
        model.addAttribute("namesTrainer", caller.trainerId() == null);
        model.addAttribute("trainers", lab == null ? List.of()
                : lab.trainers().stream().map(trainer -> trainer.trainerId().value()).toList());
        if (!model.containsAttribute("certify")) {
            model.addAttribute("certify", CertifyForm.prefilled(machineTypes.size() == 1 ? machineTypes.get(0) : null,
                                                                "c-" + UUID.randomUUID()));
        }
        return "learner/passport";
    }

    /**
     * Grants a certification in the caller's lab, in the trainer's own name (a lab admin names the trainer), then
     * back to the learner's page with what was recorded in words; the ledger's refusal, in words too.
     */
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/app/learners/{memberId}/certifications")
    String certify(@PathVariable String memberId, @Valid @ModelAttribute("certify") CertifyForm form,
                   BindingResult errors, Caller caller, RedirectAttributes next) {
        String labId = caller.labId();
        caller.requireLabStaff(labId);
        String trainerId = caller.trainerId() != null ? caller.trainerId() : form.trainerId();
        if (trainerId == null) {
            errors.rejectValue("trainerId", "certify.trainer.required");
        }
        if (errors.hasErrors()) {
            next.addFlashAttribute("org.springframework.validation.BindingResult.certify", errors);
            next.addFlashAttribute("certify", form);
            return "redirect:/app/learners/{memberId}#certify";
        }
        Instant grantedAt = clock.instant();
        ExpiryRule expiry = form.validity().equals("never") ? new ExpiryRule.Never()
                : new ExpiryRule.AfterPeriod(Period.parse(form.validity()));
        CertificationScope scope = new CertificationScope.MachineFamily(MachineType.of(form.machineType()));
        try {
            commands.send(new GrantMachineCertification(MemberId.of(memberId),
                                                        CertificationId.of(form.certificationId()), LabId.of(labId),
                                                        scope, form.level(), expiry, TrainerId.of(trainerId),
                                                        grantedAt), caller);
        } catch (DomainRefusal refused) {
            // The same form sent twice: the first one recorded it, which is what the person wanted.
            if (!refused.code().equals("duplicate-certification")) {
                next.addFlashAttribute("refusal", refused.code());
                return "redirect:/app/learners/{memberId}";
            }
        }
        awaitPassportShows(memberId, form.certificationId());
        next.addFlashAttribute("granted", new Granted(form.machineType(), form.level().name(),
                                                      expiry.validUntil(grantedAt, grantedAt).orElse(null)));
        return "redirect:/app/learners/{memberId}";
    }

    /**
     * The member of the lab who holds the card whose UID was typed (by a card reader, usually); empty when what was
     * typed does not look like a UID or no member of the lab holds it. The UID is fingerprinted with the lab's card
     * key, as the machines do, and never kept.
     */
    private Optional<String> holderOfCard(String typed, String labId) {
        String uid = typed.strip();
        if (!CARD_UID.matcher(uid).matches()) {
            return Optional.empty();
        }
        return access.model().holderOf(fingerprints.of(labId, uid)).map(MemberId::value)
                .filter(member -> registrations.labsOf(MemberId.of(member)).contains(labId));
    }

    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/app/learners/new")
    String newLearner(Caller caller, Model model) {
        caller.requireLabStaff(caller.labId());
        if (!model.containsAttribute("register")) {
            model.addAttribute("register", RegisterForm.blank("m-" + UUID.randomUUID()));
        }
        return "learner/new";
    }

    /** Registers the person in the caller's lab and goes on to their page, where they can be trained or certified. */
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/app/learners")
    String register(@Valid @ModelAttribute("register") RegisterForm form, BindingResult errors, Caller caller,
                    RedirectAttributes next) {
        String labId = caller.labId();
        caller.requireLabStaff(labId);
        if (errors.hasErrors()) {
            return "learner/new";
        }
        MemberProfile profile = new MemberProfile(form.memberId(), labId, form.displayName().strip(),
                                                  form.emailOrNull(), form.birthYear(), false);
        try {
            registration.register(profile, clock.instant(), caller);
        } catch (AggregateStreamCreationException alreadyRegistered) {
            // The same form sent twice: the first one registered the person, which is what was wanted.
            boolean sameForm = directory.find(form.memberId()).map(MemberProfile::labId).filter(labId::equals)
                    .isPresent();
            if (!sameForm) {
                throw alreadyRegistered;
            }
        }
        next.addFlashAttribute("registered", shortName(profile.displayName()));
        return "redirect:/app/learners/" + form.memberId();
    }

    /**
     * Waits, a little, until the passport shows the certification just recorded, so that the page the trainer lands on
     * shows it under the confirmation (the passport is a read model, a moment behind the ledger). Past the wait the
     * page shows it at the next look; the confirmation is true either way.
     */
    private void awaitPassportShows(String memberId, String certificationId) {
        awaitPassport(memberId, passport -> passport.certifications().stream().anyMatch(
                view -> view.certification().certificationId().value().equals(certificationId)));
    }

    private void awaitPassport(String memberId, Predicate<MemberPassport> shows) {
        long deadline = System.nanoTime() + READ_YOUR_WRITE.toNanos();
        while (System.nanoTime() < deadline) {
            MemberPassport passport = passports.find(new FindMemberPassport(MemberId.of(memberId), clock.instant()));
            if (passport != null && shows.test(passport)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** "Léa Martin" as "Léa M.": enough for the person in front of you, less for whoever reads over a shoulder. */
    static String shortName(String displayName) {
        if (displayName == null) {
            return null;
        }
        String[] words = displayName.strip().split("\\s+");
        return words.length < 2 ? words[0] : words[0] + " " + words[words.length - 1].charAt(0) + ".";
    }

    /**
     * Suspends, reinstates or revokes a certification, by staff of the lab that granted it, with the reason the
     * ledger keeps (a reinstatement needs none); back to the learner's page with the change in words.
     */
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/app/learners/{memberId}/certifications/{certificationId}/{change:suspension|reinstatement|revocation}")
    String change(@PathVariable String memberId, @PathVariable String certificationId, @PathVariable String change,
                  @RequestParam(defaultValue = "") String reason, Caller caller, RedirectAttributes next) {
        MemberId member = MemberId.of(memberId);
        String grantedBy = registrations.labOfRecord(member, RecordKind.CERTIFICATION, certificationId)
                .orElseThrow(() -> NotFound.of("certification", certificationId));
        caller.requireLabStaff(grantedBy);
        if (!change.equals("reinstatement") && reason.isBlank()) {
            next.addFlashAttribute("refusal", "reason-required");
            return "redirect:/app/learners/{memberId}";
        }
        CertificationId id = CertificationId.of(certificationId);
        Instant at = clock.instant();
        Object command = switch (change) {
            case "suspension" -> new SuspendMachineCertification(member, id, reason.strip(), at);
            case "reinstatement" -> new ReinstateMachineCertification(member, id, at);
            default -> new RevokeMachineCertification(member, id, reason.strip(), at);
        };
        try {
            commands.send(command, caller);
        } catch (DomainRefusal refused) {
            next.addFlashAttribute("refusal", refused.code());
            return "redirect:/app/learners/{memberId}";
        }
        // The page then shows the new state: suspended, revoked, or no longer suspended.
        awaitPassport(memberId, passport -> passport.certifications().stream()
                .filter(view -> view.certification().certificationId().value().equals(certificationId))
                .anyMatch(view -> switch (change) {
                    case "suspension" -> view.status() == CertificationStatus.SUSPENDED;
                    case "reinstatement" -> view.status() != CertificationStatus.SUSPENDED;
                    default -> view.status() == CertificationStatus.REVOKED;
                }));
        next.addFlashAttribute("changed", change);
        return "redirect:/app/learners/{memberId}";
    }

    /** What the confirmation after a certification names. */
    record Granted(String machineType, String level, Instant validUntil) {
    }
}
