package org.makerspace.ledger.lab.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/**
 * From {@code since}, the lab counts a credential of the partner's achievement, imported by a member, as a
 * certification of {@code level} on the machines of {@code scope}, for as long as it trusts the partner.
 */
@Revision("1")
public record PartnerAchievementRecognised(LabId labId, String partnerIssuerId, String partnerAchievementId,
                                           CertificationScope scope, CertificationLevel level, Instant since) {
}
