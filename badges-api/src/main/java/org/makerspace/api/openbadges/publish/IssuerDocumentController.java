package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.ledger.lab.api.LabId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** A lab as an issuer, and its signing keys: public, at the ids credentials name (see {@code PublicUrls}). */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges", description = "Public Open Badges 3.0 and 2.0 documents: no login, cacheable")
class IssuerDocumentController {

    private final OpenBadgesDocuments documents;

    IssuerDocumentController(OpenBadgesDocuments documents) {
        this.documents = documents;
    }

    @Operation(summary = "A lab's Open Badges 3.0 issuer Profile (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/issuers/{labId}")
    ResponseEntity<byte[]> profile(@PathVariable String labId, HttpServletRequest request) {
        LabId lab = PathIds.parse("issuer", labId, LabId::of);
        String profile = documents.issuerProfile(lab).orElseThrow(() -> NotFound.of("issuer", labId));
        return PublicDocument.of(request, profile, PublicDocument.LD_JSON, PublicDocument.CURRENT);
    }

    @Operation(summary = "A lab's signing key as a Multikey verification method, or as a JWK when Accept asks "
                         + "application/jwk+json (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/issuers/{labId}/keys/{keyId}")
    ResponseEntity<byte[]> key(@PathVariable String labId, @PathVariable String keyId, HttpServletRequest request) {
        MediaType type = PublicDocument.preferred(request, PublicDocument.LD_JSON, PublicDocument.JWK_JSON,
                                                  MediaType.APPLICATION_JSON);
        if (type.equals(PublicDocument.JWK_JSON)) {
            return jwk(labId, keyId, request);
        }
        LabId lab = PathIds.parse("key", labId, LabId::of);
        String multikey = documents.multikey(lab, keyId).orElseThrow(() -> NotFound.of("key", keyId));
        return PublicDocument.of(request, multikey, type, PublicDocument.FIXED);
    }

    @Operation(summary = "A lab's signing key as a public JWK, for VC-JWT consumers (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping("/ob3/issuers/{labId}/keys/{keyId}/jwk")
    ResponseEntity<byte[]> jwk(@PathVariable String labId, @PathVariable String keyId, HttpServletRequest request) {
        LabId lab = PathIds.parse("key", labId, LabId::of);
        String jwk = documents.publicJwk(lab, keyId).orElseThrow(() -> NotFound.of("key", keyId));
        return PublicDocument.of(request, jwk, PublicDocument.JWK_JSON, PublicDocument.FIXED);
    }
}
