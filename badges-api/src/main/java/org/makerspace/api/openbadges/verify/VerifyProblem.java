package org.makerspace.api.openbadges.verify;

import java.util.Locale;
import org.makerspace.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request to verify or import a credential refused before any check ran: too many requests, too large, not a
 * credential at all. Spring MVC's {@link ErrorResponseException}, so the application's problem handler answers it as
 * problem+json with its headers (such as {@code Retry-After}) like every other problem.
 */
public final class VerifyProblem extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private VerifyProblem(HttpStatus status, String code, String detail) {
        super(status, Problems.problem(status, code, detail, null), null);
    }

    /** 429: this client asked too often; it may ask again after {@code retryAfterSeconds}. */
    static VerifyProblem tooManyRequests(long retryAfterSeconds, int perMinute) {
        VerifyProblem problem = new VerifyProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "at most " + perMinute + " verifications a minute from one address; try again in "
                + retryAfterSeconds + " s");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem;
    }

    /** 413: the body passed the limit of its kind; it was not read further. */
    static VerifyProblem tooLarge(String what, long limit) {
        return new VerifyProblem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                                 what + " may have at most " + limit + " bytes (" + human(limit) + ")");
    }

    static VerifyProblem emptyBody() {
        return new VerifyProblem(HttpStatus.BAD_REQUEST, "missing-credential", "the request body is empty");
    }

    /** 400: the bytes are no PNG or SVG image, or a malformed one. */
    static VerifyProblem invalidImage(String detail) {
        return new VerifyProblem(HttpStatus.BAD_REQUEST, "invalid-image", detail);
    }

    /** 422: a well-formed image that carries no Open Badges 3.0 credential. */
    static VerifyProblem notBaked(String detail) {
        return new VerifyProblem(HttpStatus.UNPROCESSABLE_ENTITY, "not-baked", detail);
    }


    private static String human(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : String.format(Locale.ROOT, "%d bytes", bytes);
    }
}
