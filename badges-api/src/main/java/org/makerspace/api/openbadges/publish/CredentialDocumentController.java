package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.issuance.IssuedCredential;
import org.makerspace.projections.issuance.NamedCredential;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * An award's credential, as stored when it was issued, for the learner to download and share: JSON-LD with its Data
 * Integrity proof, the VC-JWT, and the badge image with the VC-JWT baked in. Revoked and suspended credentials are
 * still served: their status lists say what became of them.
 *
 * <p>Beside it, under {@code /named}, the learner's named copy in the same forms, while the learner chooses to show
 * their name: built on request, never cached, and 404 as soon as the learner withdraws the choice or is erased.
 * Copies downloaded before stay valid: they carry the credential's status entry, so only a revocation ends them.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges")
class CredentialDocumentController {

    private final OpenBadgesDocuments documents;

    CredentialDocumentController(OpenBadgesDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "An award's credential as application/vc+ld+json (Data Integrity proof), or as the VC-JWT "
                         + "when Accept asks application/vc+jwt (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}")
    ResponseEntity<byte[]> credential(@PathVariable String awardId, HttpServletRequest request) {
        IssuedCredential credential = credentialOf(awardId);
        return jsonLdOrJwt(request, credential.dataIntegrity(), credential.jwt(), PublicDocument.FIXED);
    }

    @Operation(summary = "An award's credential as a VC-JWT: application/vc+jwt, or text/plain when Accept asks it "
                         + "(public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/jwt")
    ResponseEntity<byte[]> jwt(@PathVariable String awardId, HttpServletRequest request) {
        return jwtOrText(request, credentialOf(awardId).jwt(), PublicDocument.FIXED);
    }

    @Operation(summary = "An award's badge as PNG, with its VC-JWT baked in (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/badge.png")
    ResponseEntity<byte[]> png(@PathVariable String awardId, HttpServletRequest request) {
        return badge(request, awardId, PublicUrls.Image.PNG);
    }

    @Operation(summary = "An award's badge as SVG, with its VC-JWT baked in (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/badge.svg")
    ResponseEntity<byte[]> svg(@PathVariable String awardId, HttpServletRequest request) {
        return badge(request, awardId, PublicUrls.Image.SVG);
    }

    @Operation(summary = "The learner's named copy of an award's credential as application/vc+ld+json, or as the "
                         + "VC-JWT when Accept asks application/vc+jwt (public, while the learner shows their name; "
                         + "404 otherwise)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/named")
    ResponseEntity<byte[]> namedCredential(@PathVariable String awardId, HttpServletRequest request) {
        NamedCredential named = namedOf(awardId);
        return jsonLdOrJwt(request, named.dataIntegrity(), named.jwt(), PublicDocument.PERSONAL);
    }

    @Operation(summary = "The learner's named copy as a VC-JWT: application/vc+jwt, or text/plain when Accept asks it "
                         + "(public, while the learner shows their name; 404 otherwise)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/named/jwt")
    ResponseEntity<byte[]> namedJwt(@PathVariable String awardId, HttpServletRequest request) {
        return jwtOrText(request, namedOf(awardId).jwt(), PublicDocument.PERSONAL);
    }

    @Operation(summary = "An award's badge as PNG, with the named copy's VC-JWT baked in (public, while the learner "
                         + "shows their name; 404 otherwise)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/named/badge.png")
    ResponseEntity<byte[]> namedPng(@PathVariable String awardId, HttpServletRequest request) {
        return namedBadge(request, awardId, PublicUrls.Image.PNG);
    }

    @Operation(summary = "An award's badge as SVG, with the named copy's VC-JWT baked in (public, while the learner "
                         + "shows their name; 404 otherwise)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/credentials/{awardId}/named/badge.svg")
    ResponseEntity<byte[]> namedSvg(@PathVariable String awardId, HttpServletRequest request) {
        return namedBadge(request, awardId, PublicUrls.Image.SVG);
    }

    private IssuedCredential credentialOf(String awardId) {
        return documents.credential(awardId).orElseThrow(() -> NotFound.of("credential", awardId));
    }

    private NamedCredential namedOf(String awardId) {
        return documents.namedCredential(awardId).orElseThrow(() -> NotFound.of("named credential", awardId));
    }

    private ResponseEntity<byte[]> badge(HttpServletRequest request, String awardId, PublicUrls.Image format) {
        byte[] image = documents.bakedBadge(awardId, format).orElseThrow(() -> NotFound.of("credential", awardId));
        return PublicDocument.of(request, image, imageType(format), PublicDocument.FIXED);
    }

    private ResponseEntity<byte[]> namedBadge(HttpServletRequest request, String awardId, PublicUrls.Image format) {
        byte[] image = documents.namedBakedBadge(awardId, format)
                .orElseThrow(() -> NotFound.of("named credential", awardId));
        return PublicDocument.of(request, image, imageType(format), PublicDocument.PERSONAL);
    }

    /** A credential as JSON-LD with its proof, or as its VC-JWT when the request's Accept prefers that. */
    private static ResponseEntity<byte[]> jsonLdOrJwt(HttpServletRequest request, String dataIntegrity, String jwt,
                                                      CacheControl cache) {
        MediaType type = PublicDocument.preferred(request, PublicDocument.VC_LD_JSON, PublicDocument.VC_JWT);
        return type.equals(PublicDocument.VC_JWT)
                ? PublicDocument.of(request, jwt, PublicDocument.VC_JWT, cache)
                : PublicDocument.of(request, dataIntegrity, PublicDocument.VC_LD_JSON, cache);
    }

    /** A VC-JWT as application/vc+jwt, or as text/plain when the request's Accept prefers that. */
    private static ResponseEntity<byte[]> jwtOrText(HttpServletRequest request, String jwt, CacheControl cache) {
        MediaType type = PublicDocument.preferred(request, PublicDocument.VC_JWT, MediaType.TEXT_PLAIN);
        return PublicDocument.of(request, jwt, type, cache);
    }

    private static MediaType imageType(PublicUrls.Image format) {
        return format == PublicUrls.Image.PNG ? MediaType.IMAGE_PNG : PublicDocument.SVG;
    }
}
