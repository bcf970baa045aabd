package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.issuance.StatusListCredentials;
import org.makerspace.projections.status.StatusListId;
import org.makerspace.projections.status.StatusPurpose;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lab's status lists, as BitstringStatusListCredentials signed by the lab: caches keep them but must ask again
 * before each use, which the ETag makes a cheap 304 until a bit flips.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges")
class StatusListDocumentController {

    private final StatusListCredentials lists;

    StatusListDocumentController(StatusListCredentials lists) {
        this.lists = lists;
    }

    @Operation(summary = "A lab's revocation or suspension list, a signed BitstringStatusListCredential (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping(StatusListId.PATH + "{labId}/{purpose}")
    ResponseEntity<byte[]> list(@PathVariable String labId, @PathVariable String purpose, HttpServletRequest request) {
        StatusListId list = new StatusListId(PathIds.parse("status list", labId, LabId::of), purposeOf(purpose));
        String signed = lists.signed(list).orElseThrow(() -> NotFound.of("status list", list.key()));
        return PublicDocument.of(request, signed, PublicDocument.VC_LD_JSON, PublicDocument.STATUS);
    }

    private static StatusPurpose purposeOf(String purpose) {
        for (StatusPurpose known : StatusPurpose.values()) {
            if (known.value().equals(purpose)) {
                return known;
            }
        }
        throw NotFound.of("status purpose", purpose);
    }
}
