package org.makerspace.projections.credential.ob3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.makerspace.projections.award.Award;

/**
 * Who the credential is about, without personal data unless the learner opts in: {@code subjectId} is a stable
 * pseudonym (a name-based UUID of lab and member) so that a VC-JWT has a {@code sub}; {@code identifier} (the member
 * id) is only published salted and hashed; {@code name} is the learner's name in the named copy they chose to have,
 * else null (written as the subject's {@code name}, schema.org's, which the VC context defines: see
 * {@link OpenBadgeCredentialBuilder} for why there rather than in an IdentityObject).
 */
public record Recipient(String subjectId, String identifier, String salt, String name) {

    public Recipient {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(salt, "salt");
        name = IssuerProfile.blankToNull(name);
    }

    /**
     * The recipient of an award. The salt derives from the award id: unique per credential, so that two credentials
     * of one member do not share a hash, and the same on every build.
     */
    public static Recipient of(Award award, String name) {
        String subject = "ob3-subject|" + award.labId().value() + "|" + award.memberId().value();
        String subjectId = "urn:uuid:" + UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8));
        String salt = HexFormat.of().formatHex(sha256("ob3-salt|" + award.awardId()), 0, 16);
        return new Recipient(subjectId, award.memberId().value(), salt, name);
    }

    /** The OB 3.0 IdentityHash of the identifier: {@code sha256$} and the hex SHA-256 of identifier then salt. */
    public String identityHash() {
        return "sha256$" + HexFormat.of().formatHex(sha256(identifier + salt));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
