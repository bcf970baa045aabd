package org.makerspace.ledger.recognition.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.member.api.MemberId;

/**
 * What the issuer of a member's imported credential says of it changed, as the lab found out at {@code observedAt}
 * by reading the issuer's status lists; {@code lastConfirmedAt} is when the lists last said it held (for
 * {@link IssuerStatus#UNREACHABLE}: since when nobody could say). Ids and a status only, no personal data.
 */
@Revision("1")
public record ImportedCredentialIssuerStatusChanged(MemberId memberId, String credentialId, IssuerStatus status,
                                                    Instant observedAt, Instant lastConfirmedAt) {
}
