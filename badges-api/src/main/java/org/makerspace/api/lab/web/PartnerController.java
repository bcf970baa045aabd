package org.makerspace.api.lab.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.RecognisePartnerAchievement;
import org.makerspace.ledger.lab.api.TrustPartnerLab;
import org.makerspace.ledger.lab.api.WithdrawPartnerAchievementRecognition;
import org.makerspace.ledger.lab.api.WithdrawPartnerTrust;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindLab;
import org.makerspace.projections.trust.FindLabPartners;
import org.makerspace.projections.trust.LabPartners;
import org.makerspace.projections.trust.TrustedPartnersProjection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lab's partners: the issuers outside this installation whose credentials the lab recognises. A lab's admin
 * declares and withdraws them; the list is public, as a verifier's trust should be.
 */
@RestController
@Tag(name = "labs")
class PartnerController {

    private final LedgerCommands commands;
    private final TrustedPartnersProjection trust;
    private final CatalogProjection catalog;
    private final Clock clock;

    PartnerController(LedgerCommands commands, TrustedPartnersProjection trust, CatalogProjection catalog,
                      Clock clock) {
        this.commands = commands;
        this.trust = trust;
        this.catalog = catalog;
        this.clock = clock;
    }

    record Created(String id) {
    }

    /** @param partnerIssuerId the partner's OB 3.0 issuer profile URL, exactly as its credentials name their issuer */
    record TrustPartnerRequest(@NotBlank @Size(max = 500) String partnerIssuerId,
                               @NotBlank @Size(max = 200) String partnerName, Instant since) {
    }

    record WithdrawPartnerRequest(@NotBlank @Size(max = 500) String partnerIssuerId,
                                  @NotBlank @Size(max = 500) String reason, Instant since) {
    }

    @Operation(summary = "Trust a partner issuer's credentials (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/partners")
    @ResponseStatus(HttpStatus.CREATED)
    Created trust(@PathVariable String labId, @Valid @RequestBody TrustPartnerRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new TrustPartnerLab(LabId.of(labId), request.partnerIssuerId(), request.partnerName(),
                                          orNow(request.since())), caller);
        return new Created(request.partnerIssuerId());
    }

    @Operation(summary = "Stop trusting a partner issuer's credentials (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/partners/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String labId, @Valid @RequestBody WithdrawPartnerRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new WithdrawPartnerTrust(LabId.of(labId), request.partnerIssuerId(), request.reason(),
                                               orNow(request.since())), caller);
    }

    /** Exactly one of machineId and machineType: the machines the partner's achievement opens. */
    record MachinesRequest(@Size(max = 100) String machineId, @Size(max = 100) String machineType) {

        CertificationScope toScope() {
            return CertificationScope.ofOne("machines", machineId, machineType);
        }
    }

    /**
     * @param partnerAchievementId the achievement's id exactly as the partner's credentials name it
     *                             ({@code credentialSubject.achievement.id})
     * @param level                {@code SUPERVISED} or {@code AUTONOMOUS}: what a credential of it counts as here
     */
    record RecogniseAchievementRequest(@NotBlank @Size(max = 500) String partnerIssuerId,
                                       @NotBlank @Size(max = 500) String partnerAchievementId,
                                       @NotNull @Valid MachinesRequest machines, @NotNull CertificationLevel level,
                                       Instant since) {
    }

    record WithdrawRecognitionRequest(@NotBlank @Size(max = 500) String partnerIssuerId,
                                      @NotBlank @Size(max = 500) String partnerAchievementId,
                                      @NotBlank @Size(max = 500) String reason, Instant since) {
    }

    @Operation(summary = "Count a trusted partner's achievement as a certification on some machines (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/partners/recognised-achievements")
    @ResponseStatus(HttpStatus.CREATED)
    Created recognise(@PathVariable String labId, @Valid @RequestBody RecogniseAchievementRequest request,
                      Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new RecognisePartnerAchievement(LabId.of(labId), request.partnerIssuerId(),
                                                      request.partnerAchievementId(), request.machines().toScope(),
                                                      request.level(), orNow(request.since())), caller);
        return new Created(request.partnerAchievementId());
    }

    @Operation(summary = "Stop counting a partner's achievement as a certification (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/partners/recognised-achievements/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawRecognition(@PathVariable String labId, @Valid @RequestBody WithdrawRecognitionRequest request,
                             Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new WithdrawPartnerAchievementRecognition(LabId.of(labId), request.partnerIssuerId(),
                                                                request.partnerAchievementId(), request.reason(),
                                                                orNow(request.since())), caller);
    }

    @Operation(summary = "The partners a lab trusts and the achievements of theirs it recognises (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/api/labs/{labId}/partners")
    LabPartners partners(@PathVariable String labId) {
        LabId lab = LabId.of(labId);
        if (catalog.find(new FindLab(lab)) == null) {
            throw NotFound.of("lab", labId);
        }
        return trust.find(new FindLabPartners(lab));
    }

    private Instant orNow(Instant businessTime) {
        return businessTime != null ? businessTime : clock.instant();
    }
}
