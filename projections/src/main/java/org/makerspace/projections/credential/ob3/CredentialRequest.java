package org.makerspace.projections.credential.ob3;

import java.util.List;
import java.util.Objects;
import org.makerspace.projections.award.Award;

/**
 * Everything an OpenBadgeCredential is built from. The achievement must be the version the award was made for, and
 * the issuer the award's lab. At most one status entry: the 1EdTech JSON schema allows a single
 * {@code credentialStatus} object. The credential's {@code id} is the award's URN (see
 * {@link OpenBadgeCredentialBuilder#credentialId}) unless another is given, as for a named copy.
 */
public record CredentialRequest(IssuerProfile issuer, AchievementDescription achievement, Award award,
                                Recipient recipient, Validity validity, List<StatusEntry> status, String id) {

    public CredentialRequest {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(award, "award");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(validity, "validity");
        status = status == null ? List.of() : List.copyOf(status);
        id = id == null ? OpenBadgeCredentialBuilder.credentialId(award.awardId()) : id;
        if (!achievement.achievementId().equals(award.achievementId())
                || achievement.version() != award.achievementVersion()) {
            throw new IllegalArgumentException("award " + award.awardId() + " is for version "
                                               + award.achievementVersion() + " of " + award.achievementId()
                                               + ", but version " + achievement.version() + " of "
                                               + achievement.achievementId() + " was given");
        }
        if (status.size() > 1) {
            throw new IllegalArgumentException("the Open Badges 3.0 schema allows one credentialStatus entry, not "
                                               + status.size());
        }
    }

    /** The award's own credential, identified by the award's URN. */
    public CredentialRequest(IssuerProfile issuer, AchievementDescription achievement, Award award,
                             Recipient recipient, Validity validity, List<StatusEntry> status) {
        this(issuer, achievement, award, recipient, validity, status, null);
    }

    /**
     * The named copy of this credential: the same claims, with the recipient's {@code name}, under {@code namedId}.
     * It must have an id of its own, since it is a different document from the credential it copies (another id lets
     * a holder, a wallet or a verifier tell the two apart); its status entry stays the same, so that whatever the
     * lab decides about the award holds for both.
     */
    public CredentialRequest named(String name, String namedId) {
        Objects.requireNonNull(namedId, "namedId");
        if (IssuerProfile.blankToNull(name) == null) {
            throw new IllegalArgumentException("a named copy needs a name");
        }
        if (namedId.equals(id)) {
            throw new IllegalArgumentException("a named copy needs an id of its own, not " + id);
        }
        Recipient named = new Recipient(recipient.subjectId(), recipient.identifier(), recipient.salt(), name);
        return new CredentialRequest(issuer, achievement, award, named, validity, status, namedId);
    }
}
