package org.makerspace.api.openbadges.verify;

import java.util.Objects;
import org.makerspace.projections.credential.ob3.VerificationReport;

/**
 * A credential as it was presented, once taken out of its wrapping: JSON-LD text or a compact JWT ({@code format},
 * as in {@link VerificationReport}), and how it came ({@code json}, {@code jwt}, {@code png} or {@code svg}).
 */
public record PresentedCredential(String format, String text, String source) {

    public PresentedCredential {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    static PresentedCredential jsonLd(String text, String source) {
        return new PresentedCredential(VerificationReport.JSON_LD, text, source);
    }

    static PresentedCredential jwt(String text, String source) {
        return new PresentedCredential(VerificationReport.JWT, text.strip(), source);
    }

    boolean isJwt() {
        return VerificationReport.JWT.equals(format);
    }
}
