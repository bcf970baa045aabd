package org.makerspace.api.achievement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.DefineAchievement;
import org.makerspace.ledger.achievement.api.RetireAchievement;
import org.makerspace.ledger.achievement.api.ReviseAchievement;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindAchievement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Badge definitions: a lab's admins define and revise them; anyone may read them (they are public, like badges). */
@RestController
@Tag(name = "achievements", description = "Badge definitions of a lab and their versions")
class AchievementController {

    private final LedgerCommands commands;
    private final CatalogProjection catalog;

    AchievementController(LedgerCommands commands, CatalogProjection catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    record Created(String id) {
    }

    /**
     * Criteria, all of which must hold: {@code {"kind":"training-completed","courseCode":…}},
     * {@code {"kind":"certification-held","machineType":…,"minimumLevel":"AUTONOMOUS"}},
     * {@code {"kind":"contributions-made","role":"HELPER","count":3}}.
     */
    record DefinitionRequest(@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}") String achievementId,
                             @NotBlank @Size(max = 200) String name,
                             @NotBlank @Size(max = 2000) String description,
                             @NotEmpty List<Criterion> criteria,
                             @Size(max = 500) String imageUrl) {
    }

    record RetirementRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Define a badge of the lab (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/achievements")
    ResponseEntity<Created> define(@PathVariable String labId, @Valid @RequestBody DefinitionRequest request,
                                   Caller caller) {
        caller.requireLabAdmin(labId);
        if (request.achievementId() == null) {
            throw new IllegalArgumentException("achievementId is required");
        }
        commands.send(new DefineAchievement(AchievementId.of(request.achievementId()), LabId.of(labId), request.name(),
                                            request.description(), request.criteria(), request.imageUrl()), caller);
        return ResponseEntity.created(URI.create("/api/achievements/" + request.achievementId()))
                .body(new Created(request.achievementId()));
    }

    @Operation(summary = "Publish a new version of a badge (admin of its lab); awards already made keep their version")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/achievements/{achievementId}/revisions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revise(@PathVariable String achievementId, @Valid @RequestBody DefinitionRequest request, Caller caller) {
        caller.requireLabAdmin(labOf(achievementId));
        commands.send(new ReviseAchievement(AchievementId.of(achievementId), request.name(), request.description(),
                                            request.criteria(), request.imageUrl()), caller);
    }

    @Operation(summary = "Stop awarding a badge (admin of its lab); badges already earned stay valid")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/achievements/{achievementId}/retirement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable String achievementId, @Valid @RequestBody RetirementRequest request, Caller caller) {
        caller.requireLabAdmin(labOf(achievementId));
        commands.send(new RetireAchievement(AchievementId.of(achievementId), request.reason()), caller);
    }

    @Operation(summary = "A badge definition (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/api/achievements/{achievementId}")
    AchievementView achievement(@PathVariable String achievementId) {
        AchievementView view = catalog.find(new FindAchievement(AchievementId.of(achievementId)));
        if (view == null) {
            throw NotFound.of("achievement", achievementId);
        }
        return view;
    }

    private String labOf(String achievementId) {
        return achievement(achievementId).labId().toString();
    }
}
