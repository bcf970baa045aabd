package org.makerspace.ledger.recognition.api;

import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;

/**
 * Identifies the record of what other issuers certified about one member. It is keyed by the member, but its raw
 * value ({@code recognition:<memberId>}) differs from the member's own aggregate id: the event store keys every
 * stream by aggregate id alone, so two aggregates of one member must not share it.
 */
public record RecognitionRecordId(MemberId memberId) {

    private static final String PREFIX = "recognition:";

    public RecognitionRecordId {
        Objects.requireNonNull(memberId, "memberId");
    }

    public static RecognitionRecordId of(MemberId memberId) {
        return new RecognitionRecordId(memberId);
    }

    @Override
    public String toString() {
        return PREFIX + memberId.value();
    }
}
