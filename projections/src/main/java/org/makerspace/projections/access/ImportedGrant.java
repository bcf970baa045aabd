package org.makerspace.projections.access;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.IssuerStatus;

/**
 * A partner's credential a member imported, as access control needs it: its issuer and achievement (to match a
 * lab's recognitions), its id (to name it in a decision), when it starts and ends ({@code validUntil} null:
 * no end), and what its issuer last said of it.
 */
public record ImportedGrant(String credentialId, String issuerId, String achievementId, Instant importedAt,
                     Instant validUntil, IssuerStatus issuerStatus) {

    public ImportedGrant {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(importedAt, "importedAt");
        // rows written before statuses were followed: the issuer had said nothing against it
        issuerStatus = issuerStatus == null ? IssuerStatus.ACTIVE : issuerStatus;
    }

    static ImportedGrant of(ExternalCredentialImported event) {
        return new ImportedGrant(event.credentialId(), event.issuerId(), event.achievementId(), event.importedAt(),
                                 event.validUntil(), IssuerStatus.ACTIVE);
    }

    ImportedGrant withIssuerStatus(IssuerStatus status) {
        return new ImportedGrant(credentialId, issuerId, achievementId, importedAt, validUntil, status);
    }
}
