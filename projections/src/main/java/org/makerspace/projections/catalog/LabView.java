package org.makerspace.projections.catalog;

import java.time.Instant;
import java.util.List;
import org.makerspace.ledger.lab.api.LabId;

/**
 * A registered lab: its public profile ({@code registeredAt} is when the ledger recorded the registration), and its
 * machines, trainers and achievements in the order they were registered, qualified or defined.
 */
public record LabView(LabId labId, String name, String publicUrl, String contactEmail, Instant registeredAt,
                      List<MachineView> machines, List<TrainerView> trainers, List<AchievementView> achievements) {

    public LabView {
        machines = List.copyOf(machines);
        trainers = List.copyOf(trainers);
        achievements = List.copyOf(achievements);
    }
}
