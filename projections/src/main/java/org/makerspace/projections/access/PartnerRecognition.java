package org.makerspace.projections.access;

import java.util.Objects;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/** A partner's achievement a lab counts as a certification of {@code level} on the machines of {@code scope}. */
public record PartnerRecognition(String partnerIssuerId, String partnerAchievementId, CertificationScope scope,
                          CertificationLevel level) {

    public PartnerRecognition {
        Objects.requireNonNull(partnerIssuerId, "partnerIssuerId");
        Objects.requireNonNull(partnerAchievementId, "partnerAchievementId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(level, "level");
    }

    static PartnerRecognition of(PartnerAchievementRecognised event) {
        return new PartnerRecognition(event.partnerIssuerId(), event.partnerAchievementId(), event.scope(),
                                      event.level());
    }

    boolean matches(ImportedGrant credential, MachineState machine) {
        return partnerIssuerId.equals(credential.issuerId())
               && partnerAchievementId.equals(credential.achievementId())
               && scope.covers(machine.machineId(), machine.machineType());
    }
}
