package org.makerspace.projections.passport;

import java.time.Instant;
import java.util.List;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.recognition.ImportedCredential;

/**
 * A member's skills passport as of {@code at}: what they trained, are certified for, contributed and earned here,
 * and the partners' credentials they imported after verification. {@code suspension} is present while the member
 * is suspended.
 */
public record MemberPassport(MemberId memberId, LabId labId, Instant registeredAt, StatusChange suspension, Instant at,
                             List<TrainingEntry> trainings, List<CertificationView> certifications,
                             List<ContributionEntry> contributions, PassportTotals totals,
                             List<EarnedAchievement> achievements, List<ImportedCredential> partnerCredentials) {

    public boolean suspended() {
        return suspension != null;
    }
}
