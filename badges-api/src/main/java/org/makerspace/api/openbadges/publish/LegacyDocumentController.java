package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.issuance.CredentialState;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open Badges 2.0 hosted verification, for backpacks that do not read 3.0 credentials yet: the Issuer, the BadgeClass
 * of each awarded version, and each award's Assertion, which answers 410 Gone once revoked. Open Badges 2.0 knows no
 * suspension, so a suspended award's assertion is answered as revoked while the suspension lasts.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges")
class LegacyDocumentController {

    private final OpenBadgesDocuments documents;

    LegacyDocumentController(OpenBadgesDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "A lab as an Open Badges 2.0 Issuer (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob2/issuers/{labId}")
    ResponseEntity<byte[]> issuer(@PathVariable String labId, HttpServletRequest request) {
        String issuer = documents.ob2Issuer(PathIds.parse("issuer", labId, LabId::of))
                .orElseThrow(() -> NotFound.of("issuer", labId));
        return PublicDocument.of(request, issuer, MediaType.APPLICATION_JSON, PublicDocument.CURRENT);
    }

    @Operation(summary = "One version of an achievement as an Open Badges 2.0 BadgeClass (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob2/badges/{achievementId}/versions/{version}")
    ResponseEntity<byte[]> badgeClass(@PathVariable String achievementId, @PathVariable String version,
                                      HttpServletRequest request) {
        AchievementId id = PathIds.parse("badge", achievementId, AchievementId::of);
        int number = PathIds.parse("badge version", version, Integer::parseInt);
        String badgeClass = documents.ob2BadgeClass(id, number)
                .orElseThrow(() -> NotFound.of("badge", achievementId + "/" + version));
        return PublicDocument.of(request, badgeClass, MediaType.APPLICATION_JSON, PublicDocument.FIXED);
    }

    @Operation(summary = "An award's hosted Open Badges 2.0 Assertion; 410 Gone once revoked or while suspended "
                         + "(public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob2/assertions/{awardId}")
    ResponseEntity<byte[]> assertion(@PathVariable String awardId, HttpServletRequest request) {
        String assertion = documents.ob2Assertion(awardId).orElseThrow(() -> NotFound.of("assertion", awardId));
        CredentialState state = documents.state(awardId).orElseThrow(() -> NotFound.of("assertion", awardId));
        if (!state.active()) {
            return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(PublicDocument.STATUS)
                    .body(documents.ob2Revoked(awardId, state).getBytes(StandardCharsets.UTF_8));
        }
        return PublicDocument.of(request, assertion, MediaType.APPLICATION_JSON, PublicDocument.STATUS);
    }
}
