package org.makerspace.api.recognition.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.i18n.Languages;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.openbadges.verify.CredentialIntake;
import org.makerspace.api.openbadges.verify.CredentialStatusEntries;
import org.makerspace.api.openbadges.verify.NetworkVerifier;
import org.makerspace.api.openbadges.verify.PresentedCredential;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.recognition.api.RecordImportedCredential;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.recognition.FindImportedCredentials;
import org.makerspace.projections.recognition.ImportedCredential;
import org.makerspace.projections.recognition.ImportedCredentials;
import org.makerspace.projections.recognition.ImportedCredentialsProjection;
import org.makerspace.projections.trust.FindPartnerIssuer;
import org.makerspace.projections.trust.TrustedPartnersProjection;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner credentials in a member's record. Presented by the member themself, a credential must name the member's
 * e-mail address on file; staff of the member's lab may import one that names no address they can compare (they
 * vouch for having checked it), but never one naming another address.
 */
@RestController
@Tag(name = "members")
class ImportedCredentialController {

    private final NetworkVerifier verifier;
    private final CredentialIntake intake;
    private final TrustedPartnersProjection trust;
    private final ImportedCredentialsProjection imports;
    private final MemberDirectory directory;
    private final LedgerCommands commands;
    private final Clock clock;
    private final MessageSource messages;

    ImportedCredentialController(NetworkVerifier verifier, CredentialIntake intake, TrustedPartnersProjection trust,
                                 ImportedCredentialsProjection imports, MemberDirectory directory,
                                 LedgerCommands commands, Clock clock, MessageSource messages) {
        this.verifier = verifier;
        this.intake = intake;
        this.trust = trust;
        this.imports = imports;
        this.directory = directory;
        this.commands = commands;
        this.clock = clock;
        this.messages = messages;
    }

    @Operation(summary = "Import a partner's credential into the member's record (the member, or staff of their lab); "
            + "the body is the credential, as POST /api/verify takes it")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The partner's credential, as POST /api/verify takes it", required = true,
            content = {@Content(mediaType = CredentialIntake.VC_LD_JSON), @Content(mediaType = "application/json"),
                    @Content(mediaType = CredentialIntake.VC_JWT), @Content(mediaType = "text/plain"),
                    @Content(mediaType = CredentialIntake.PNG), @Content(mediaType = CredentialIntake.SVG)})
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @PostMapping(path = "/api/members/{memberId}/imported-credentials", consumes = {MediaType.APPLICATION_JSON_VALUE,
            CredentialIntake.LD_JSON, CredentialIntake.VC_LD_JSON, MediaType.TEXT_PLAIN_VALUE, CredentialIntake.JWT,
            CredentialIntake.VC_JWT, CredentialIntake.PNG, CredentialIntake.SVG},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportedCredential> importCredential(@PathVariable String memberId, HttpServletRequest request,
                                                        Caller caller) throws IOException {
        MemberProfile member = homeOf(memberId);
        caller.requireMemberOrStaff(memberId, member.labId());
        PresentedCredential presented = intake.read(request);
        Instant now = clock.instant();
        VerificationReport report = verifier.verify(presented, now);
        if (!report.verified()) {
            throw ImportRefused.notVerified(report.checks());
        }
        ObjectNode credential = report.credential();
        String issuer = issuerId(credential);
        if (!trust.find(new FindPartnerIssuer(issuer)).trustedBy(LabId.of(member.labId()))) {
            throw ImportRefused.notPartner(issuer, member.labId());
        }
        requireRecipient(credential, member, caller, Languages.of(request));
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        String credentialId = text(credential, "id");
        String achievementId = text(achievement, "id");
        String achievementName = text(achievement, "name");
        if (credentialId == null || achievementId == null || achievementName == null) {
            throw ImportRefused.incomplete("the credential needs an id, and its achievement an id and a name");
        }
        ImportId importId = ImportId.of("import-" + UUID.randomUUID());
        Instant validUntil = text(credential, "validUntil") == null ? null
                : OffsetDateTime.parse(text(credential, "validUntil")).toInstant();
        List<CredentialStatusEntry> statusEntries = CredentialStatusEntries.of(credential);
        commands.send(new RecordImportedCredential(MemberId.of(memberId), importId, issuer, achievementId,
                                                   achievementName, credentialId, validUntil, now, statusEntries),
                      caller);
        return ResponseEntity.created(URI.create("/api/members/" + memberId + "/imported-credentials"))
                .body(new ImportedCredential(importId, issuer, achievementId, achievementName, credentialId,
                                             validUntil, now, statusEntries, IssuerStatus.ACTIVE, null, null));
    }

    @Operation(summary = "The partner credentials the member imported (the member, or staff of their lab)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}/imported-credentials")
    ImportedCredentials importedCredentials(@PathVariable String memberId, Caller caller) {
        MemberProfile member = homeOf(memberId);
        caller.requireMemberOrStaff(memberId, member.labId());
        return imports.find(new FindImportedCredentials(MemberId.of(memberId)));
    }

    /**
     * The learner importing their own badge is told, in their language, what they can do (ask a trainer to check it
     * and import it); staff and integrations get the reason in terms of the record.
     */
    private void requireRecipient(ObjectNode credential, MemberProfile member, Caller caller, Locale language) {
        RecipientMatch match = RecipientMatch.of(credential, member.email());
        boolean staff = caller.isLabStaff(member.labId());
        if (match == RecipientMatch.DIFFERS) {
            throw ImportRefused.recipient("recipient-mismatch", staff
                    ? "the credential names another e-mail address than the one of member " + member.memberId()
                    : messages.getMessage("import.recipient-mismatch", null, language));
        }
        if (match != RecipientMatch.MATCHES && !staff) {
            throw ImportRefused.recipient("recipient-not-proven",
                                          messages.getMessage("import.recipient-not-proven", null,
                                                              language));
        }
    }

    private MemberProfile homeOf(String memberId) {
        return directory.find(memberId).orElseThrow(() -> NotFound.of("member", memberId));
    }

    private static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        return issuer != null && issuer.isTextual() ? issuer.asText() : text(issuer, "id");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
