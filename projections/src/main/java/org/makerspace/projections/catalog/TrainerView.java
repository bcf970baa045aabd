package org.makerspace.projections.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;

/** A trainer of a lab and the machine types they may train and certify on, in the order they qualified. */
public record TrainerView(TrainerId trainerId, List<MachineType> qualifiedMachineTypes) {

    public TrainerView {
        Objects.requireNonNull(trainerId, "trainerId");
        qualifiedMachineTypes = qualifiedMachineTypes == null ? List.of() : List.copyOf(qualifiedMachineTypes);
    }

    static TrainerView unqualified(TrainerId trainerId) {
        return new TrainerView(trainerId, List.of());
    }

    TrainerView qualified(MachineType type) {
        if (qualifiedMachineTypes.contains(type)) {
            return this;
        }
        List<MachineType> more = new ArrayList<>(qualifiedMachineTypes);
        more.add(type);
        return new TrainerView(trainerId, more);
    }

    TrainerView withdrawn(MachineType type) {
        if (!qualifiedMachineTypes.contains(type)) {
            return this;
        }
        List<MachineType> fewer = new ArrayList<>(qualifiedMachineTypes);
        fewer.remove(type);
        return new TrainerView(trainerId, fewer);
    }
}
