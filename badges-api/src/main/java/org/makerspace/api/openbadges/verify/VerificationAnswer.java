package org.makerspace.api.openbadges.verify;

import java.time.Instant;
import java.util.List;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.StatusReason;
import org.makerspace.projections.credential.ob3.VerificationReport;

/**
 * The answer to a verification: {@code verified} only when every check passed; the format presented ({@code ldp_vc}
 * or {@code jwt_vc}) and how it came ({@code json}, {@code jwt}, {@code png}, {@code svg}); {@code status}, what the
 * status check found ({@code active}, {@code no_status_list}, {@code revoked}, {@code suspended},
 * {@code status_unavailable} when a list could not be fetched, {@code status_invalid} when it is not to be believed,
 * {@code not_checked}) and, for a credential of our labs that is revoked or suspended, since when
 * ({@code statusSince}); and every check with its reason, in a fixed order: signature, contexts, safe_mode, schema,
 * validity, status, issuer_trusted.
 */
public record VerificationAnswer(boolean verified, String format, String source, String status, Instant statusSince,
                                 List<Check> checks) {

    public VerificationAnswer {
        checks = List.copyOf(checks);
    }

    public static VerificationAnswer of(VerificationReport report, PresentedCredential presented, Instant statusSince) {
        return new VerificationAnswer(report.verified(), report.format(), presented.source(), statusOf(report),
                                      statusSince, report.checks());
    }

    /** The status check's code; {@code not_checked} when it could not run. */
    static String statusOf(VerificationReport report) {
        Check status = report.check(Check.STATUS);
        return status == null || status.reason() == null ? StatusReason.NOT_CHECKED : status.reason();
    }
}
