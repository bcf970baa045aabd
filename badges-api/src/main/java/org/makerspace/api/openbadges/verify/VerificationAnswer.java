package org.makerspace.api.openbadges.verify;

import java.util.List;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.VerificationReport;

/**
 * The answer to a verification: {@code verified} only when every check passed; the format presented ({@code ldp_vc}
 * or {@code jwt_vc}) and how it came ({@code json}, {@code jwt}, {@code png}, {@code svg}); and every check with its
 * reason, in a fixed order: signature, contexts, safe_mode, schema, validity, status, issuer_trusted.
 */
public record VerificationAnswer(boolean verified, String format, String source, List<Check> checks) {

    public VerificationAnswer {
        checks = List.copyOf(checks);
    }

    public static VerificationAnswer of(VerificationReport report, PresentedCredential presented) {
        return new VerificationAnswer(report.verified(), report.format(), presented.source(), report.checks());
    }
}
