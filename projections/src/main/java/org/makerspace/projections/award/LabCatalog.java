package org.makerspace.projections.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;

/** What award decisions need of a lab: its achievements, in definition order, and the type of each machine. */
record LabCatalog(LabId labId, List<AchievementId> achievements, List<Machine> machines) {

    record Machine(MachineId machineId, MachineType machineType) {
    }

    LabCatalog {
        achievements = achievements == null ? List.of() : List.copyOf(achievements);
        machines = machines == null ? List.of() : List.copyOf(machines);
    }

    static LabCatalog empty(LabId labId) {
        return new LabCatalog(labId, List.of(), List.of());
    }

    String id() {
        return labId.value();
    }

    LabCatalog withAchievement(AchievementId achievement) {
        if (achievements.contains(achievement)) {
            return this;
        }
        List<AchievementId> more = new ArrayList<>(achievements);
        more.add(achievement);
        return new LabCatalog(labId, more, machines);
    }

    LabCatalog withMachine(MachineId machine, MachineType type) {
        if (typeOf(machine).isPresent()) {
            return this;
        }
        List<Machine> more = new ArrayList<>(machines);
        more.add(new Machine(machine, type));
        return new LabCatalog(labId, achievements, more);
    }

    Optional<MachineType> typeOf(MachineId machine) {
        return machines.stream().filter(known -> known.machineId().equals(machine)).map(Machine::machineType).findFirst();
    }
}
