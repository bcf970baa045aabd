package org.makerspace.projections.recognition;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.recognition.api.ImportId;

/**
 * A partner's credential imported into a member's record: who issued it, for which achievement (the issuer's id and
 * name of it), the credential's own id, until when it holds ({@code null}: no end), when it was imported, where its
 * issuer publishes its status ({@code statusEntries}: empty when it names no list, {@code null} when it was imported
 * before they were kept), and what the issuer last said of it: {@code issuerStatus} since {@code issuerStatusSince},
 * {@code lastConfirmedAt} the last reading that said it held before an {@link IssuerStatus#UNREACHABLE}.
 */
public record ImportedCredential(ImportId importId, String issuerId, String achievementId, String achievementName,
                                 String credentialId, Instant validUntil, Instant importedAt,
                                 List<CredentialStatusEntry> statusEntries, IssuerStatus issuerStatus,
                                 Instant issuerStatusSince, Instant lastConfirmedAt) {

    public ImportedCredential {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(importedAt, "importedAt");
        statusEntries = statusEntries == null ? null : List.copyOf(statusEntries);
        // rows written before statuses were followed: the issuer had said nothing against it
        issuerStatus = issuerStatus == null ? IssuerStatus.ACTIVE : issuerStatus;
    }

    /** As imported: the issuer has said nothing against it yet. */
    public static ImportedCredential imported(ExternalCredentialImported event) {
        return new ImportedCredential(event.importId(), event.issuerId(), event.achievementId(),
                                      event.achievementName(), event.credentialId(), event.validUntil(),
                                      event.importedAt(), event.statusEntries(), IssuerStatus.ACTIVE, null, null);
    }

    /** With what its issuer says of it now. */
    ImportedCredential with(ImportedCredentialIssuerStatusChanged event) {
        return new ImportedCredential(importId, issuerId, achievementId, achievementName, credentialId, validUntil,
                                      importedAt, statusEntries, event.status(), event.observedAt(),
                                      event.lastConfirmedAt());
    }

    /**
     * Whether its issuer's lists are worth reading again: it names some, was imported since they were kept, is not
     * revoked (that is final) and has not ended by {@code at}.
     */
    public boolean followedAt(Instant at) {
        return statusEntries != null && !statusEntries.isEmpty() && issuerStatus != IssuerStatus.REVOKED
               && (validUntil == null || at.isBefore(validUntil));
    }

    /** Whether the credential holds at {@code at} by its own dates: imported by then and not yet ended. */
    public boolean holdsAt(Instant at) {
        return !at.isBefore(importedAt) && (validUntil == null || at.isBefore(validUntil));
    }
}
