package org.makerspace.projections.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.OpeningHours;

/**
 * What a lab decides for its machines: its opening hours ({@code null}: always open), the partners' achievements it
 * recognises now as certifications, in the order it did, and the requirements of those of its machines that ask more
 * than the default (a list rather than a map: machine ids may hold dots, which field names may not).
 */
public record LabPolicy(LabId labId, OpeningHours openingHours, List<PartnerRecognition> recognitions,
                        List<MachineRequirement> requirements) {

    public LabPolicy {
        Objects.requireNonNull(labId, "labId");
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    static LabPolicy none(LabId labId) {
        return new LabPolicy(labId, null, List.of(), List.of());
    }

    /** The requirement of one of the lab's machines; the default when the lab never changed it. */
    MachineRequirement requirementOf(MachineId machineId) {
        for (MachineRequirement requirement : requirements) {
            if (requirement.machineId().equals(machineId)) {
                return requirement;
            }
        }
        return MachineRequirement.defaultFor(machineId);
    }

    /** Replaces the machine's requirement; the default is kept by leaving the machine out. */
    LabPolicy withRequirement(MachineRequirement requirement) {
        List<MachineRequirement> others = new ArrayList<>(requirements.stream()
                .filter(known -> !known.machineId().equals(requirement.machineId()))
                .toList());
        if (!requirement.isDefault()) {
            others.add(requirement);
        }
        return new LabPolicy(labId, openingHours, recognitions, others);
    }

    String id() {
        return labId.value();
    }

    LabPolicy withOpeningHours(OpeningHours hours) {
        return new LabPolicy(labId, hours, recognitions, requirements);
    }

    /** Recognising an achievement again (a redelivered event) keeps its place. */
    LabPolicy with(PartnerRecognition recognition) {
        if (recognitions.stream().anyMatch(known -> sameAchievement(known, recognition.partnerIssuerId(),
                                                                    recognition.partnerAchievementId()))) {
            return this;
        }
        List<PartnerRecognition> more = new ArrayList<>(recognitions);
        more.add(recognition);
        return new LabPolicy(labId, openingHours, more, requirements);
    }

    LabPolicy without(String partnerIssuerId, String partnerAchievementId) {
        return new LabPolicy(labId, openingHours, recognitions.stream()
                .filter(known -> !sameAchievement(known, partnerIssuerId, partnerAchievementId))
                .toList(), requirements);
    }

    LabPolicy withoutPartner(String partnerIssuerId) {
        return new LabPolicy(labId, openingHours, recognitions.stream()
                .filter(known -> !known.partnerIssuerId().equals(partnerIssuerId))
                .toList(), requirements);
    }

    private static boolean sameAchievement(PartnerRecognition recognition, String issuerId, String achievementId) {
        return recognition.partnerIssuerId().equals(issuerId) && recognition.partnerAchievementId().equals(achievementId);
    }
}
