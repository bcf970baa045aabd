package org.makerspace.projections.recognition;

import java.time.Instant;
import java.util.Objects;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;

/**
 * A partner's credential imported into a member's record: who issued it, for which achievement (the issuer's id and
 * name of it), the credential's own id, until when it holds ({@code null}: no end) and when it was imported.
 */
public record ImportedCredential(ImportId importId, String issuerId, String achievementId, String achievementName,
                                 String credentialId, Instant validUntil, Instant importedAt) {

    public ImportedCredential {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    static ImportedCredential of(ExternalCredentialImported event) {
        return new ImportedCredential(event.importId(), event.issuerId(), event.achievementId(),
                                      event.achievementName(), event.credentialId(), event.validUntil(),
                                      event.importedAt());
    }

    /** Whether the credential holds at {@code at}: imported by then and not yet ended. */
    public boolean holdsAt(Instant at) {
        return !at.isBefore(importedAt) && (validUntil == null || at.isBefore(validUntil));
    }
}
