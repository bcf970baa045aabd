package org.makerspace.ledger.lab;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * A fake of {@link LabRules} for other features' fixtures: the same rules over plain maps, fed with the lab's own
 * events. {@link InMemoryLabRulesTest} runs the {@link LabRulesContract} against it, so it refuses exactly as
 * {@link EventSourcedLabRules} does.
 */
public final class InMemoryLabRules implements LabRules {

    private final Map<LabId, Map<TrainerId, Set<MachineType>>> qualifications = new HashMap<>();
    private final Map<LabId, Map<MachineId, MachineType>> machines = new HashMap<>();
    private final Map<LabId, Map<MachineId, MachinePutOutOfService>> outOfService = new HashMap<>();

    /** Rules over a network of labs described by their events. */
    public static InMemoryLabRules of(Object... labEvents) {
        var rules = new InMemoryLabRules();
        for (Object event : labEvents) {
            rules.record(event);
        }
        return rules;
    }

    private void record(Object event) {
        if (event instanceof LabRegistered e) {
            qualifications.put(e.labId(), new HashMap<>());
            machines.put(e.labId(), new HashMap<>());
            outOfService.put(e.labId(), new HashMap<>());
        } else if (event instanceof TrainerRegistered e) {
            qualifications.get(e.labId()).put(e.trainerId(), new HashSet<>());
        } else if (event instanceof TrainerQualified e) {
            qualifications.get(e.labId()).get(e.trainerId()).add(e.machineType());
        } else if (event instanceof TrainerQualificationWithdrawn e) {
            qualifications.get(e.labId()).get(e.trainerId()).remove(e.machineType());
        } else if (event instanceof MachineRegistered e) {
            machines.get(e.labId()).put(e.machineId(), e.machineType());
        } else if (event instanceof MachinePutOutOfService e) {
            outOfService.get(e.labId()).put(e.machineId(), e);
        } else if (event instanceof MachineReturnedToService e) {
            outOfService.get(e.labId()).remove(e.machineId());
        } else {
            throw new IllegalArgumentException("not a lab event: " + event);
        }
    }

    @Override
    public void requireLab(LabId lab) {
        if (!qualifications.containsKey(lab)) {
            throw LabRefusals.unknownLab(lab);
        }
    }

    @Override
    public void requireTrainer(LabId lab, TrainerId trainer) {
        qualificationsOf(lab, trainer);
    }

    @Override
    public MachineFacts requireMayCertify(LabId lab, TrainerId trainer, CertificationScope scope) {
        requireLab(lab);
        MachineType type;
        if (scope instanceof CertificationScope.OneMachine one) {
            type = machines.get(lab).get(one.machineId());
            if (type == null) {
                throw LabRefusals.unknownMachine(lab, one.machineId());
            }
        } else {
            type = ((CertificationScope.MachineFamily) scope).machineType();
        }
        Set<MachineType> held = qualificationsOf(lab, trainer);
        if (!held.contains(type)) {
            throw LabRefusals.trainerNotQualified(lab, trainer, type, held);
        }
        if (scope instanceof CertificationScope.OneMachine one && outOfService.get(lab).containsKey(one.machineId())) {
            MachinePutOutOfService out = outOfService.get(lab).get(one.machineId());
            throw LabRefusals.machineOutOfService(lab, one.machineId(), out.since(), out.reason());
        }
        return new MachineFacts(type);
    }

    private Set<MachineType> qualificationsOf(LabId lab, TrainerId trainer) {
        requireLab(lab);
        Set<MachineType> held = qualifications.get(lab).get(trainer);
        if (held == null) {
            throw LabRefusals.unknownTrainer(lab, trainer);
        }
        return held;
    }
}
