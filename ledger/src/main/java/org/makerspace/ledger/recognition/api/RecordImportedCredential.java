package org.makerspace.ledger.recognition.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Records that a member holds a credential another issuer signed, as the application verified it: the issuer's and
 * achievement's ids (URLs or other URIs of that issuer), the achievement's name, the credential's own id, when it
 * ends ({@code null}: never), when it was imported, and the status list entries it names (none: it names none).
 */
public record RecordImportedCredential(MemberId memberId, ImportId importId, String issuerId, String achievementId,
                                       String achievementName, String credentialId, Instant validUntil,
                                       Instant importedAt, List<CredentialStatusEntry> statusEntries) {

    /** The member's recognition record, not the member itself: see {@link RecognitionRecordId}. */
    @TargetAggregateIdentifier
    public RecognitionRecordId recordId() {
        return memberId == null ? null : RecognitionRecordId.of(memberId);
    }
}
