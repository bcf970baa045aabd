package org.makerspace.projections.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;

/**
 * The signed Open Badges 3.0 credential of one award, stored once under the award id in both proof formats: the
 * JSON-LD credential with its eddsa-rdfc-2022 proof ({@code dataIntegrity}) and the compact VC-JWT ({@code jwt}),
 * exactly as published. Beside them, what the other documents of the award are built from: who and what it is for,
 * its validity, its status list index, the key that signed it, the certifications in its evidence, and the
 * recipient's pseudonymous subject id and salt.
 */
public record IssuedCredential(String awardId, LabId labId, MemberId memberId, AchievementId achievementId,
                               int achievementVersion, Instant validFrom, Instant validUntil, int statusIndex,
                               String keyId, List<String> certificationIds, String subjectId, String salt,
                               String dataIntegrity, String jwt) {

    public IssuedCredential {
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(dataIntegrity, "dataIntegrity");
        Objects.requireNonNull(jwt, "jwt");
        certificationIds = certificationIds == null ? List.of() : List.copyOf(certificationIds);
    }

    /** The award as its credential states it (the evidence is not part of a credential). */
    public Award award() {
        return new Award(awardId, memberId, achievementId, achievementVersion, labId, validFrom, List.of());
    }

    /** The same credential, signed again for a new validity. */
    IssuedCredential withValidity(Instant newValidFrom, Instant newValidUntil, String newDataIntegrity, String newJwt) {
        return new IssuedCredential(awardId, labId, memberId, achievementId, achievementVersion, newValidFrom, newValidUntil,
                                    statusIndex, keyId, certificationIds, subjectId, salt, newDataIntegrity, newJwt);
    }
}
