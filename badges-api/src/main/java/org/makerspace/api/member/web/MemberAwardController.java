package org.makerspace.api.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.CredentialName;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.web.MemberRequests.AtRequest;
import org.makerspace.api.member.web.MemberRequests.ReasonRequest;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.ReinstateAward;
import org.makerspace.ledger.member.api.RevokeAward;
import org.makerspace.ledger.member.api.SuspendAward;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.award.FindAward;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.issuance.CredentialState;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One award of a member: where its credential is published, for the learner to download and share, and a lab
 * admin's revocation, suspension and reinstatement of it. The award must exist and belong to the member before a
 * command is sent; the ledger cannot check that, since awards are decided by the read side.
 */
@RestController
@Tag(name = "members")
class MemberAwardController {

    private final LedgerCommands commands;
    private final AwardProjection awards;
    private final IssuedCredentials issued;
    private final MemberDirectory directory;
    private final PublicUrls urls;
    private final Clock clock;

    MemberAwardController(LedgerCommands commands, AwardProjection awards, IssuedCredentials issued,
                          MemberDirectory directory, PublicUrls urls, Clock clock) {
        this.commands = commands;
        this.awards = awards;
        this.issued = issued;
        this.directory = directory;
        this.urls = urls;
        this.clock = clock;
    }

    /**
     * Where an award's credential is published, and what its status lists say now; {@code named} says where its named
     * copy is, while the member chooses to show their name (else null).
     */
    record CredentialLinks(String awardId, String credential, String jwt, String badgePng, String badgeSvg,
                           String ob2Assertion, boolean revoked, boolean suspended, NamedLinks named) {
    }

    /** Where the named copy of an award's credential is published, in the same forms as the credential. */
    record NamedLinks(String credential, String jwt, String badgePng, String badgeSvg) {

        static NamedLinks of(PublicUrls urls, String awardId) {
            return new NamedLinks(urls.namedCredential(awardId), urls.namedCredentialJwt(awardId),
                                  urls.namedBakedBadge(awardId, PublicUrls.Image.PNG),
                                  urls.namedBakedBadge(awardId, PublicUrls.Image.SVG));
        }
    }

    @Operation(summary = "Where the award's credential is published, to download and share (the member, or staff of "
                         + "the award's lab)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}/awards/{awardId}/credential")
    CredentialLinks credential(@PathVariable String memberId, @PathVariable String awardId, Caller caller) {
        Award award = awardOf(memberId, awardId);
        caller.requireMemberOrStaff(memberId, award.labId().value());
        // The status index is given before the credential is stored: answer once both are there.
        CredentialState state = issued.credential(awardId).flatMap(credential -> issued.state(awardId))
                .orElseThrow(() -> NotFound.of("credential", awardId));
        boolean named = directory.credentialName(memberId).flatMap(CredentialName::shown).isPresent();
        return new CredentialLinks(awardId, urls.credential(awardId), urls.credentialJwt(awardId),
                                   urls.bakedBadge(awardId, PublicUrls.Image.PNG),
                                   urls.bakedBadge(awardId, PublicUrls.Image.SVG), urls.ob2Assertion(awardId),
                                   state.revoked(), state.suspended(), named ? NamedLinks.of(urls, awardId) : null);
    }

    @Operation(summary = "Revoke an award and its credential for good (admin of the award's lab)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/members/{memberId}/awards/{awardId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String memberId, @PathVariable String awardId, @Valid @RequestBody ReasonRequest request,
                Caller caller) {
        adminOfAwardsLab(memberId, awardId, caller);
        commands.send(new RevokeAward(MemberId.of(memberId), AwardId.of(awardId), request.reason(),
                                      orNow(request.at())), caller);
    }

    @Operation(summary = "Suspend an award and its credential pending review (admin of the award's lab)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/members/{memberId}/awards/{awardId}/suspension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void suspend(@PathVariable String memberId, @PathVariable String awardId,
                 @Valid @RequestBody ReasonRequest request, Caller caller) {
        adminOfAwardsLab(memberId, awardId, caller);
        commands.send(new SuspendAward(MemberId.of(memberId), AwardId.of(awardId), request.reason(),
                                       orNow(request.at())), caller);
    }

    @Operation(summary = "Lift the lab's suspension of an award (admin of the award's lab)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/members/{memberId}/awards/{awardId}/reinstatement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reinstate(@PathVariable String memberId, @PathVariable String awardId,
                   @Valid @RequestBody(required = false) AtRequest request, Caller caller) {
        adminOfAwardsLab(memberId, awardId, caller);
        commands.send(new ReinstateAward(MemberId.of(memberId), AwardId.of(awardId),
                                         orNow(request == null ? null : request.at())), caller);
    }

    private void adminOfAwardsLab(String memberId, String awardId, Caller caller) {
        caller.requireLabAdmin(awardOf(memberId, awardId).labId().value());
    }

    /** The award, if it is the member's: another member's award is as unknown as a missing one. */
    private Award awardOf(String memberId, String awardId) {
        Award award = awards.find(new FindAward(awardId));
        if (award == null || !award.memberId().value().equals(memberId)) {
            throw NotFound.of("award", awardId);
        }
        return award;
    }

    private Instant orNow(Instant businessTime) {
        return businessTime != null ? businessTime : clock.instant();
    }
}
