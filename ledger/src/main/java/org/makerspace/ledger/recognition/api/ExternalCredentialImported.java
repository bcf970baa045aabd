package org.makerspace.ledger.recognition.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A member's credential from another issuer (a partner of their lab) was verified and imported at
 * {@code importedAt}; it holds until {@code validUntil} ({@code null}: no end). Carries ids and the achievement's
 * public name only, no personal data.
 */
@Revision("1")
public record ExternalCredentialImported(MemberId memberId, ImportId importId, String issuerId, String achievementId,
                                         String achievementName, String credentialId, Instant validUntil,
                                         Instant importedAt) {
}
