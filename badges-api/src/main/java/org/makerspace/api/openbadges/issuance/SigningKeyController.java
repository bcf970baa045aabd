package org.makerspace.api.openbadges.issuance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindLab;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.VerificationMethods;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lab's signing keys. Rotating adds a key that signs from now on; the previous keys stay published, so every
 * credential they signed keeps verifying. Private keys never leave the key store.
 */
@RestController
@Tag(name = "labs")
class SigningKeyController {

    private final IssuerKeys keys;
    private final VerificationMethods methods;
    private final CatalogProjection catalog;
    private final Clock clock;

    SigningKeyController(IssuerKeys keys, VerificationMethods methods, CatalogProjection catalog, Clock clock) {
        this.keys = keys;
        this.methods = methods;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The public side of one key: where it is published, and from when it signs. */
    record SigningKeyView(String keyId, String verificationMethod, Instant validFrom, boolean active) {
    }

    @Operation(summary = "The lab's signing keys, newest last (staff of the lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @GetMapping("/api/labs/{labId}/signing-keys")
    List<SigningKeyView> keys(@PathVariable String labId, Caller caller) {
        caller.requireLabStaff(labId);
        return keys.keysOf(existingLab(labId)).stream().map(this::view).toList();
    }

    @Operation(summary = "Rotate the lab's signing key (lab admin): a new key signs from now on, old ones stay published")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/signing-keys")
    @ResponseStatus(HttpStatus.CREATED)
    SigningKeyView rotate(@PathVariable String labId, Caller caller) {
        caller.requireLabAdmin(labId);
        return view(keys.addKey(existingLab(labId), clock.instant()));
    }

    private LabId existingLab(String labId) {
        LabId lab = LabId.of(labId);
        if (catalog.find(new FindLab(lab)) == null) {
            throw NotFound.of("lab", labId);
        }
        return lab;
    }

    private SigningKeyView view(IssuerKey key) {
        return new SigningKeyView(key.keyId(), methods.id(key), key.validFrom(), key.active());
    }
}
