package org.makerspace.projections.passport;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.makerspace.ledger.member.api.ContributionRole;

/** Hours that count: retracted trainings and contributions are left out. Roles without hours are absent. */
public record PassportTotals(BigDecimal trainingHours, Map<ContributionRole, BigDecimal> contributionHoursByRole) {

    static PassportTotals of(List<TrainingEntry> trainings, List<ContributionEntry> contributions) {
        BigDecimal trainingHours = BigDecimal.ZERO;
        for (TrainingEntry training : trainings) {
            if (training.counts()) {
                trainingHours = trainingHours.add(training.hours());
            }
        }
        Map<ContributionRole, BigDecimal> byRole = new EnumMap<>(ContributionRole.class);
        for (ContributionEntry contribution : contributions) {
            if (contribution.counts()) {
                byRole.merge(contribution.role(), contribution.hours(), BigDecimal::add);
            }
        }
        return new PassportTotals(trainingHours, Collections.unmodifiableMap(byRole));
    }
}
