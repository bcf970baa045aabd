package org.makerspace.ledger.recognition.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Records what the issuer of a member's imported credential says of it now, as read from its status lists at
 * {@code observedAt}. Recording the status the record already has records nothing, and a revocation is final, so
 * that whoever watches the issuer may send this after every reading.
 */
public record RecordIssuerStatus(MemberId memberId, String credentialId, IssuerStatus status, Instant observedAt,
                                 Instant lastConfirmedAt) {

    /** The member's recognition record, not the member itself: see {@link RecognitionRecordId}. */
    @TargetAggregateIdentifier
    public RecognitionRecordId recordId() {
        return memberId == null ? null : RecognitionRecordId.of(memberId);
    }
}
