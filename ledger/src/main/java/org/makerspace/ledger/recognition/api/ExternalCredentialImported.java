package org.makerspace.ledger.recognition.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.makerspace.ledger.member.api.MemberId;

/**
 * A member's credential from another issuer (a partner of their lab) was verified and imported at
 * {@code importedAt}; it holds until {@code validUntil} ({@code null}: no end) unless its issuer revokes or suspends it
 * in the lists its {@code statusEntries} name (empty: it names none, nothing can revoke it). Carries ids, the
 * achievement's public name and the issuer's list addresses only, no personal data.
 *
 * <p>Revision 2 added {@code statusEntries}; a revision 1 event has none recorded ({@code null}): the credential was
 * imported before the lab kept them, and its issuer's lists cannot be followed.
 */
@Revision("2")
public record ExternalCredentialImported(MemberId memberId, ImportId importId, String issuerId, String achievementId,
                                         String achievementName, String credentialId, Instant validUntil,
                                         Instant importedAt, List<CredentialStatusEntry> statusEntries) {
}
