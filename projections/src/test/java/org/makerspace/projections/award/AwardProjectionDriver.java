package org.makerspace.projections.award;

import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.TestEvents;

/** Feeds an award projection from tests of other packages, whose handlers they cannot call. */
public final class AwardProjectionDriver {

    private final AwardProjection projection;

    public AwardProjectionDriver(LedgerStorage storage) {
        this.projection = new AwardProjection(storage);
    }

    public void define(AchievementDefined event) {
        projection.on(event, "defined-" + event.achievementId(), TestEvents.T0);
    }

    public void apply(Object event, String eventId) {
        if (event instanceof TrainingCompleted training) {
            projection.on(training, eventId);
        } else if (event instanceof MachineCertificationGranted granted) {
            projection.on(granted, eventId);
        } else if (event instanceof WorkshopContributionRecorded contribution) {
            projection.on(contribution, eventId);
        } else {
            throw new IllegalArgumentException("the driver does not feed " + event);
        }
    }
}
