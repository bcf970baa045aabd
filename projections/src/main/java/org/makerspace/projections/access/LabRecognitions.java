package org.makerspace.projections.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;

/** The partners' achievements a lab recognises now as certifications, in the order it did. */
record LabRecognitions(LabId labId, List<PartnerRecognition> recognitions) {

    LabRecognitions {
        Objects.requireNonNull(labId, "labId");
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
    }

    static LabRecognitions none(LabId labId) {
        return new LabRecognitions(labId, List.of());
    }

    String id() {
        return labId.value();
    }

    /** Recognising an achievement again (a redelivered event) keeps its place. */
    LabRecognitions with(PartnerRecognition recognition) {
        if (recognitions.stream().anyMatch(known -> sameAchievement(known, recognition.partnerIssuerId(),
                                                                    recognition.partnerAchievementId()))) {
            return this;
        }
        List<PartnerRecognition> more = new ArrayList<>(recognitions);
        more.add(recognition);
        return new LabRecognitions(labId, more);
    }

    LabRecognitions without(String partnerIssuerId, String partnerAchievementId) {
        return new LabRecognitions(labId, recognitions.stream()
                .filter(known -> !sameAchievement(known, partnerIssuerId, partnerAchievementId))
                .toList());
    }

    LabRecognitions withoutPartner(String partnerIssuerId) {
        return new LabRecognitions(labId, recognitions.stream()
                .filter(known -> !known.partnerIssuerId().equals(partnerIssuerId))
                .toList());
    }

    private static boolean sameAchievement(PartnerRecognition recognition, String issuerId, String achievementId) {
        return recognition.partnerIssuerId().equals(issuerId) && recognition.partnerAchievementId().equals(achievementId);
    }
}
