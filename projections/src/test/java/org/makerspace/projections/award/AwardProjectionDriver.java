package org.makerspace.projections.award;

import java.time.Instant;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.TestEvents;

/** Feeds an award projection from tests of other packages, whose handlers they cannot call. */
public final class AwardProjectionDriver {

    private final AwardProjection projection;

    public AwardProjectionDriver(LedgerStorage storage) {
        this(storage, AwardListener.NONE);
    }

    /** A projection that tells its awards to {@code listener}. */
    public AwardProjectionDriver(LedgerStorage storage, AwardListener listener) {
        this.projection = new AwardProjection(storage, listener);
    }

    public void define(AchievementDefined event) {
        projection.on(event, "defined-" + event.achievementId(), TestEvents.T0);
    }

    public void revise(AchievementRevised event, String eventId, Instant timestamp) {
        projection.on(event, eventId, timestamp);
    }

    public void apply(Object event, String eventId) {
        if (event instanceof TrainingCompleted training) {
            projection.on(training, eventId);
        } else if (event instanceof MachineCertificationGranted granted) {
            projection.on(granted, eventId);
        } else if (event instanceof WorkshopContributionRecorded contribution) {
            projection.on(contribution, eventId);
        } else if (event instanceof MachineRegistered machine) {
            projection.on(machine);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            projection.on(suspended);
        } else if (event instanceof MachineCertificationReinstated reinstated) {
            projection.on(reinstated, eventId);
        } else if (event instanceof MachineCertificationRevoked revoked) {
            projection.on(revoked);
        } else {
            throw new IllegalArgumentException("the driver does not feed " + event);
        }
    }
}
