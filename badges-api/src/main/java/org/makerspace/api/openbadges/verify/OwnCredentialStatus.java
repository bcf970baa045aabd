package org.makerspace.api.openbadges.verify;

import java.time.Instant;
import java.util.Optional;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.ob3.StatusReason;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.springframework.stereotype.Component;

/**
 * Since when a credential of one of our labs is revoked or suspended: its id is its award's URN, and the award's
 * state keeps the dates (a status list keeps only bits). Nothing for anyone else's credential.
 */
@Component
class OwnCredentialStatus {

    private static final String URN = "urn:uuid:";

    private final IssuedCredentials issued;
    private final PublicUrls urls;

    OwnCredentialStatus(IssuedCredentials issued, PublicUrls urls) {
        this.issued = issued;
        this.urls = urls;
    }

    Optional<Instant> since(VerificationReport report) {
        String status = VerificationAnswer.statusOf(report);
        if (report.credential() == null
                || !status.equals(StatusReason.REVOKED) && !status.equals(StatusReason.SUSPENDED)) {
            return Optional.empty();
        }
        String id = CredentialFields.text(report.credential(), "id");
        if (id == null || !id.startsWith(URN)) {
            return Optional.empty();
        }
        String issuer = CredentialFields.issuerId(report.credential());
        return issued.credential(id.substring(URN.length()))
                .filter(credential -> urls.issuer(credential.labId()).equals(issuer))
                .flatMap(credential -> issued.state(credential.awardId()))
                .map(state -> status.equals(StatusReason.REVOKED) ? state.revokedAt() : state.suspendedAt());
    }
}
