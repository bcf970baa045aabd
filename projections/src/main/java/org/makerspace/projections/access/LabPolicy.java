package org.makerspace.projections.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.OpeningHours;

/**
 * What a lab decides for all its machines: its opening hours ({@code null}: always open) and the partners'
 * achievements it recognises now as certifications, in the order it did.
 */
public record LabPolicy(LabId labId, OpeningHours openingHours, List<PartnerRecognition> recognitions) {

    public LabPolicy {
        Objects.requireNonNull(labId, "labId");
        recognitions = recognitions == null ? List.of() : List.copyOf(recognitions);
    }

    static LabPolicy none(LabId labId) {
        return new LabPolicy(labId, null, List.of());
    }

    String id() {
        return labId.value();
    }

    LabPolicy withOpeningHours(OpeningHours hours) {
        return new LabPolicy(labId, hours, recognitions);
    }

    /** Recognising an achievement again (a redelivered event) keeps its place. */
    LabPolicy with(PartnerRecognition recognition) {
        if (recognitions.stream().anyMatch(known -> sameAchievement(known, recognition.partnerIssuerId(),
                                                                    recognition.partnerAchievementId()))) {
            return this;
        }
        List<PartnerRecognition> more = new ArrayList<>(recognitions);
        more.add(recognition);
        return new LabPolicy(labId, openingHours, more);
    }

    LabPolicy without(String partnerIssuerId, String partnerAchievementId) {
        return new LabPolicy(labId, openingHours, recognitions.stream()
                .filter(known -> !sameAchievement(known, partnerIssuerId, partnerAchievementId))
                .toList());
    }

    LabPolicy withoutPartner(String partnerIssuerId) {
        return new LabPolicy(labId, openingHours, recognitions.stream()
                .filter(known -> !known.partnerIssuerId().equals(partnerIssuerId))
                .toList());
    }

    private static boolean sameAchievement(PartnerRecognition recognition, String issuerId, String achievementId) {
        return recognition.partnerIssuerId().equals(issuerId) && recognition.partnerAchievementId().equals(achievementId);
    }
}
