package org.makerspace.projections.passport;

import java.math.BigDecimal;
import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;

/** A workshop contribution in the passport; a retracted one stays visible, marked, and no longer counts. */
public record ContributionEntry(ContributionId contributionId, LabId labId, String workshop, ContributionRole role,
                                BigDecimal hours, Instant happenedAt, StatusChange retraction) {

    static ContributionEntry of(WorkshopContributionRecorded event) {
        return new ContributionEntry(event.contributionId(), event.labId(), event.workshop(), event.role(), event.hours(),
                                     event.happenedAt(), null);
    }

    public boolean counts() {
        return retraction == null;
    }

    ContributionEntry retracted(String reason, Instant at) {
        return new ContributionEntry(contributionId, labId, workshop, role, hours, happenedAt, new StatusChange(reason, at));
    }
}
