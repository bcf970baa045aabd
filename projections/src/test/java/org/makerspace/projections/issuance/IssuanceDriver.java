package org.makerspace.projections.issuance;

import java.time.Instant;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.session.api.MachineSessionStarted;

/** Feeds an issuance projection from tests of other packages, whose handlers they cannot call. */
public final class IssuanceDriver {

    private final IssuanceProjection projection;

    public IssuanceDriver(IssuanceProjection projection) {
        this.projection = projection;
    }

    /** Applies the event if issuance reads it; a lab's registration is recorded at {@code recordedAt}. */
    public void apply(Object event, Instant recordedAt) {
        if (event instanceof LabRegistered lab) {
            projection.on(lab, recordedAt);
        } else if (event instanceof AchievementDefined defined) {
            projection.on(defined);
        } else if (event instanceof MachineRegistered machine) {
            projection.on(machine);
        } else if (event instanceof MachineCertificationGranted granted) {
            projection.on(granted);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            projection.on(suspended);
        } else if (event instanceof MachineCertificationReinstated reinstated) {
            projection.on(reinstated);
        } else if (event instanceof MachineCertificationRevoked revoked) {
            projection.on(revoked);
        } else if (event instanceof MachineSessionStarted session) {
            projection.on(session);
        } else if (event instanceof AchievementAwarded awarded) {
            projection.on(awarded);
        } else if (event instanceof AwardRedated redated) {
            projection.on(redated);
        }
    }
}
