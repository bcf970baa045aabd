package org.makerspace.projections.recognition;

import java.time.Instant;

/**
 * An achievement a member holds through a partner's credential, as machine access needs it: the issuer and the
 * issuer's achievement id, and until when it holds ({@code null}: no end).
 */
public record ImportedAchievement(String issuerId, String achievementId, Instant validUntil) {
}
