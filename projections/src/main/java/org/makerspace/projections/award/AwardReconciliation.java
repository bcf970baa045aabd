package org.makerspace.projections.award;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.RecordAward;

/**
 * Compares "criteria met" with "awarded" over every member the award decisions know, and records the awards that are
 * missing (or dated later than their criteria were met). Meant to run once the decisions have caught up with the ledger (after a start, or on an operator's
 * request): it never writes the decisions' rows, only sends {@code RecordAward}, which the ledger ignores for an
 * achievement already held, so it may run beside the decisions' processor. A healthy ledger has nothing missing; what
 * it finds is reported.
 */
public final class AwardReconciliation {

    /** The id of the "event" whose handling decided an award found missing, for the award id's derivation. */
    static final String DECIDED_BY = "award-reconciliation";

    private final AwardDecisions decisions;
    private final AwardRecorder recorder;

    public AwardReconciliation(AwardDecisions decisions, AwardRecorder recorder) {
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** Records every award whose criteria are met but that the member does not hold; returns what it recorded. */
    public List<RecordAward> reconcile() {
        List<RecordAward> recorded = new ArrayList<>();
        for (MemberFacts member : decisions.members()) {
            for (LabId labId : labsOf(member)) {
                LabCatalog lab = decisions.lab(labId);
                for (AchievementId achievementId : lab.achievements()) {
                    Optional<AchievementDefinition> achievement = decisions.definition(achievementId);
                    if (achievement.isEmpty()) {
                        continue;
                    }
                    Optional<AwardRules.Met> met = AwardDecisions.missing(member, achievement.get(), lab);
                    if (met.isPresent()) {
                        RecordAward award = AwardDecisions.awardOf(member.memberId(), achievement.get(), DECIDED_BY,
                                                                   met.get());
                        recorder.record(award);
                        recorded.add(award);
                    }
                }
            }
        }
        return recorded;
    }

    private static Set<LabId> labsOf(MemberFacts member) {
        Set<LabId> labs = new LinkedHashSet<>();
        member.trainings().forEach(training -> labs.add(training.labId()));
        member.certifications().forEach(certification -> labs.add(certification.labId()));
        member.contributions().forEach(contribution -> labs.add(contribution.labId()));
        return labs;
    }
}
