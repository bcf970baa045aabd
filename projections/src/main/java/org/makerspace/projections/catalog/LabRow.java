package org.makerspace.projections.catalog;

import static org.makerspace.projections.support.ImmutableLists.appended;
import static org.makerspace.projections.support.ImmutableLists.replaced;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.TrainerId;

/**
 * The stored catalog entry of one lab; the profile is absent until its registration is seen. Machines, trainers and
 * achievements are added only when their id is new, and changes apply only to known ones, so applying an event
 * again leaves the row as it was. Kept apart from {@link LabView} so the stored shape can change without the answer.
 */
record LabRow(LabId labId, String name, String publicUrl, String contactEmail, Instant registeredAt,
              List<MachineView> machines, List<TrainerView> trainers, List<AchievementView> achievements) {

    LabRow {
        Objects.requireNonNull(labId, "labId");
        machines = machines == null ? List.of() : List.copyOf(machines);
        trainers = trainers == null ? List.of() : List.copyOf(trainers);
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
    }

    static LabRow empty(LabId labId) {
        return new LabRow(labId, null, null, null, null, List.of(), List.of(), List.of());
    }

    String id() {
        return labId.value();
    }

    boolean registered() {
        return registeredAt != null;
    }

    LabView view() {
        return new LabView(labId, name, publicUrl, contactEmail, registeredAt, machines, trainers, achievements);
    }

    LabRow registered(String labName, String url, String email, Instant at) {
        return new LabRow(labId, labName, url, email, at, machines, trainers, achievements);
    }

    Optional<MachineView> machine(MachineId id) {
        return machines.stream().filter(known -> known.machineId().equals(id)).findFirst();
    }

    LabRow withMachine(MachineView machine) {
        if (machine(machine.machineId()).isPresent()) {
            return this;
        }
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt, appended(machines, machine), trainers,
                          achievements);
    }

    LabRow withMachineChanged(MachineId id, UnaryOperator<MachineView> change) {
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt,
                          replaced(machines, MachineView::machineId, id, change), trainers, achievements);
    }

    LabRow withTrainer(TrainerId trainer) {
        if (trainers.stream().anyMatch(known -> known.trainerId().equals(trainer))) {
            return this;
        }
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt, machines,
                          appended(trainers, TrainerView.unqualified(trainer)), achievements);
    }

    LabRow withTrainerChanged(TrainerId id, UnaryOperator<TrainerView> change) {
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt, machines,
                          replaced(trainers, TrainerView::trainerId, id, change), achievements);
    }

    Optional<AchievementView> achievement(AchievementId id) {
        return achievements.stream().filter(known -> known.achievementId().equals(id)).findFirst();
    }

    LabRow withAchievement(AchievementView achievement) {
        if (achievement(achievement.achievementId()).isPresent()) {
            return this;
        }
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt, machines, trainers,
                          appended(achievements, achievement));
    }

    LabRow withAchievementChanged(AchievementId id, UnaryOperator<AchievementView> change) {
        return new LabRow(labId, name, publicUrl, contactEmail, registeredAt, machines, trainers,
                          replaced(achievements, AchievementView::achievementId, id, change));
    }
}
