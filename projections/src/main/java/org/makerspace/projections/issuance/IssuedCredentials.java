package org.makerspace.projections.issuance;

import java.util.Optional;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.status.AwardStatus;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.support.RowCollection;

/**
 * Reads what issuance stored, for the documents the web layer publishes: each a lookup by {@code _id}.
 */
public final class IssuedCredentials {

    private final RowCollection<IssuedCredential> credentials;
    private final RowCollection<IssuerLab> labs;
    private final RowCollection<AchievementVersions> achievements;
    private final RowCollection<StatusCauses> statusCauses;
    private final StatusListRegistry registry;

    public IssuedCredentials(LedgerStorage storage, StatusListRegistry registry) {
        this.credentials = IssuanceProjection.credentialsOf(storage);
        this.labs = IssuanceProjection.labsOf(storage);
        this.achievements = IssuanceProjection.achievementsOf(storage);
        this.statusCauses = IssuanceProjection.statusCausesOf(storage);
        this.registry = registry;
    }

    /** The award's signed credential, or empty when there is no such award or it is not issued yet. */
    public Optional<IssuedCredential> credential(String awardId) {
        return credentials.find(awardId);
    }

    /** What the status lists say of an issued credential, with the reason of its revocation if any. */
    public Optional<CredentialState> state(String awardId) {
        Optional<AwardStatus> status = registry.status(awardId);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        StatusCauses causes = statusCauses.find(awardId).orElseGet(() -> StatusCauses.none(awardId));
        boolean suspended = status.get().suspended();
        return Optional.of(new CredentialState(awardId, status.get().revoked(), suspended, causes.revokedAt(),
                                               causes.revocationReason(), suspended ? causes.changedAt() : null));
    }

    /** A registered lab as an issuer. */
    public Optional<IssuerLab> lab(LabId labId) {
        return labs.find(labId.value());
    }

    /** One version of an achievement, as defined or revised. */
    public Optional<AwardedAchievement> achievement(AchievementId achievementId, int version) {
        return achievements.find(achievementId.value()).flatMap(known -> known.version(version));
    }

    /** The latest version of an achievement. */
    public Optional<AwardedAchievement> latestAchievement(AchievementId achievementId) {
        return achievements.find(achievementId.value()).flatMap(AchievementVersions::latest);
    }
}
