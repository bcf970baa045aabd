package org.makerspace.ledger.lab;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.TrainerId;

/** The lab's refusals, worded once so that every way of checking a lab rule refuses alike. */
final class LabRefusals {

    private LabRefusals() {
    }

    static UnknownReference unknownLab(LabId lab) {
        return new UnknownReference("unknown-lab", "lab " + lab + " is not registered");
    }

    static UnknownReference unknownTrainer(LabId lab, TrainerId trainer) {
        return new UnknownReference("unknown-trainer", "trainer " + trainer + " is not registered in lab " + lab);
    }

    static UnknownReference unknownMachine(LabId lab, MachineId machine) {
        return new UnknownReference("unknown-machine", "machine " + machine + " is not registered in lab " + lab);
    }

    static DomainRefusal duplicateTrainer(LabId lab, TrainerId trainer) {
        return new DomainRefusal("duplicate-trainer", "trainer " + trainer + " is already registered in lab " + lab);
    }

    static DomainRefusal duplicateMachine(LabId lab, MachineId machine, MachineType type) {
        return new DomainRefusal("duplicate-machine",
                "machine " + machine + " is already registered in lab " + lab + " as a " + type);
    }

    static DomainRefusal alreadyQualified(LabId lab, TrainerId trainer, MachineType type) {
        return new DomainRefusal("already-qualified",
                "trainer " + trainer + " of lab " + lab + " is already qualified on " + type);
    }

    static DomainRefusal trainerNotQualified(LabId lab, TrainerId trainer, MachineType type, Collection<MachineType> held) {
        String heldTypes = held.isEmpty()
                ? "no machine type"
                : held.stream().map(MachineType::code).sorted().collect(Collectors.joining(", "));
        return new DomainRefusal("trainer-not-qualified",
                "trainer " + trainer + " of lab " + lab + " is not qualified on " + type + " (qualified on: " + heldTypes + ")");
    }

    static DomainRefusal machineOutOfService(LabId lab, MachineId machine, Instant since, String reason) {
        return new DomainRefusal("machine-out-of-service",
                "machine " + machine + " of lab " + lab + " is out of service since " + since + ": " + reason);
    }

    static DomainRefusal machineInService(LabId lab, MachineId machine, Instant since) {
        String inServiceSince = since == null ? "since it was registered" : "since " + since;
        return new DomainRefusal("machine-in-service",
                "machine " + machine + " of lab " + lab + " is in service " + inServiceSince);
    }

    static DomainRefusal partnerIsSelf(LabId lab, String issuerId) {
        return new DomainRefusal("partner-is-self",
                "lab " + lab + " cannot trust itself as a partner: " + issuerId + " is its own issuer profile");
    }

    static DomainRefusal partnerAlreadyTrusted(LabId lab, String issuerId, String name, Instant since) {
        return new DomainRefusal("partner-already-trusted",
                "lab " + lab + " has trusted partner " + name + " (" + issuerId + ") since " + since);
    }

    static DomainRefusal partnerNotTrusted(LabId lab, String issuerId) {
        return new DomainRefusal("partner-not-trusted", "lab " + lab + " does not trust partner " + issuerId);
    }

    static DomainRefusal partnerAchievementAlreadyRecognised(LabId lab, String issuerId, String achievementId,
                                                            Instant since) {
        return new DomainRefusal("partner-achievement-already-recognised",
                "lab " + lab + " has recognised achievement " + achievementId + " of partner " + issuerId
                        + " since " + since);
    }

    static DomainRefusal partnerAchievementNotRecognised(LabId lab, String issuerId, String achievementId) {
        return new DomainRefusal("partner-achievement-not-recognised",
                "lab " + lab + " does not recognise achievement " + achievementId + " of partner " + issuerId);
    }

    static DomainRefusal partnerAchievementAboveAutonomous(LabId lab, String issuerId, String achievementId) {
        return new DomainRefusal("partner-achievement-level-too-high",
                "lab " + lab + " can recognise achievement " + achievementId + " of partner " + issuerId
                        + " as SUPERVISED or AUTONOMOUS at most: only its own trainers certify TRAINER level");
    }
}
