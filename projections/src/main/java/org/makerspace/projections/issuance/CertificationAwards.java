package org.makerspace.projections.issuance;

import static org.makerspace.projections.support.ImmutableLists.appended;

import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MemberId;

/**
 * The awards whose evidence names one certification of one member, so that its revocation, suspension or
 * reinstatement reaches their credentials by one lookup on {@code _id} ({@code memberId/certificationId}:
 * certification ids are unique per member only).
 */
record CertificationAwards(MemberId memberId, CertificationId certificationId, List<String> awardIds) {

    CertificationAwards {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(certificationId, "certificationId");
        awardIds = awardIds == null ? List.of() : List.copyOf(awardIds);
    }

    static CertificationAwards none(MemberId memberId, CertificationId certificationId) {
        return new CertificationAwards(memberId, certificationId, List.of());
    }

    static String key(MemberId memberId, CertificationId certificationId) {
        return memberId.value() + "/" + certificationId.value();
    }

    String id() {
        return key(memberId, certificationId);
    }

    CertificationAwards with(String awardId) {
        return awardIds.contains(awardId) ? this
                : new CertificationAwards(memberId, certificationId, appended(awardIds, awardId));
    }
}
