package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.projections.credential.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Achievements as Open Badges 3.0 documents, and the default images credentials of each version name (public). */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges")
class AchievementDocumentController {

    private final OpenBadgesDocuments documents;

    AchievementDocumentController(OpenBadgesDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "An achievement's latest version as an Open Badges 3.0 Achievement; its criteria are at "
                         + "#criteria (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/achievements/{achievementId}")
    ResponseEntity<byte[]> achievement(@PathVariable String achievementId, HttpServletRequest request) {
        AchievementId id = PathIds.parse("achievement", achievementId, AchievementId::of);
        String achievement = documents.achievement(id).orElseThrow(() -> NotFound.of("achievement", achievementId));
        return PublicDocument.of(request, achievement, PublicDocument.LD_JSON, PublicDocument.CURRENT);
    }

    @Operation(summary = "The default badge image of one version of an achievement, as PNG (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/achievements/{achievementId}/versions/{version}/image.png")
    ResponseEntity<byte[]> png(@PathVariable String achievementId, @PathVariable String version,
                               HttpServletRequest request) {
        return image(achievementId, version, PublicUrls.Image.PNG, MediaType.IMAGE_PNG, request);
    }

    @Operation(summary = "The default badge image of one version of an achievement, as SVG (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/achievements/{achievementId}/versions/{version}/image.svg")
    ResponseEntity<byte[]> svg(@PathVariable String achievementId, @PathVariable String version,
                               HttpServletRequest request) {
        return image(achievementId, version, PublicUrls.Image.SVG, PublicDocument.SVG, request);
    }

    private ResponseEntity<byte[]> image(String achievementId, String version, PublicUrls.Image format,
                                         MediaType type, HttpServletRequest request) {
        AchievementId id = PathIds.parse("achievement", achievementId, AchievementId::of);
        int number = PathIds.parse("achievement version", version, Integer::parseInt);
        byte[] image = documents.defaultImage(id, number, format)
                .orElseThrow(() -> NotFound.of("achievement version", achievementId + "/" + version));
        return PublicDocument.of(request, image, type, PublicDocument.FIXED);
    }
}
