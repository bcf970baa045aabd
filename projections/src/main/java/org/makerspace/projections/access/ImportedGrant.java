package org.makerspace.projections.access;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;

/**
 * A partner's credential a member imported, as access control needs it: its issuer and achievement (to match a
 * lab's recognitions), its id (to name it in a decision), and when it starts and ends ({@code validUntil} null:
 * no end).
 */
public record ImportedGrant(String credentialId, String issuerId, String achievementId, Instant importedAt,
                     Instant validUntil) {

    public ImportedGrant {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    static ImportedGrant of(ExternalCredentialImported event) {
        return new ImportedGrant(event.credentialId(), event.issuerId(), event.achievementId(), event.importedAt(),
                                 event.validUntil());
    }
}
