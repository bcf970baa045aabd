package org.makerspace.projections.access;

import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;

/** Who asks a machine for access: a member known by id, or whoever holds a card, known by its keyed fingerprint. */
public sealed interface AccessSubject {

    static AccessSubject member(MemberId memberId) {
        return new Member(memberId);
    }

    static AccessSubject card(String fingerprint) {
        return new Card(fingerprint);
    }

    record Member(MemberId memberId) implements AccessSubject {
        public Member {
            Objects.requireNonNull(memberId, "memberId");
        }
    }

    record Card(String fingerprint) implements AccessSubject {
        public Card {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
