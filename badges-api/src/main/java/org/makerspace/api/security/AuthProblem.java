package org.makerspace.api.security;

import org.makerspace.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The refusals of this package that a controller answers: each carries its problem, rendered by the problem handler. */
final class AuthProblem extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** One message whether the username is unknown or the password wrong, so a login never tells which usernames exist. */
    static final String LOGIN_REFUSED = "unknown username or wrong password";

    private AuthProblem(HttpStatus status, String code, String title, String detail) {
        super(status, Problems.problem(status, code, title, detail, null), null);
    }

    static AuthProblem loginRefused() {
        AuthProblem problem = new AuthProblem(HttpStatus.UNAUTHORIZED, "login-failed", "Login failed", LOGIN_REFUSED);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    static AuthProblem tooManyFailures(long retryAfterSeconds, int perMinute) {
        AuthProblem problem = new AuthProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
                                              "Too many wrong credentials",
                                              "more than " + perMinute + " wrong credentials a minute came from your "
                                              + "address; try again in " + retryAfterSeconds + " s");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problem;
    }

    static AuthProblem usernameTaken(String username) {
        return new AuthProblem(HttpStatus.CONFLICT, "username-taken", "Username taken",
                               "username '" + username + "' is taken");
    }

    static AuthProblem wrongCurrentPassword() {
        return new AuthProblem(HttpStatus.FORBIDDEN, "wrong-current-password", "Wrong current password",
                               "the current password does not match");
    }

    static AuthProblem invalidSetupToken() {
        return new AuthProblem(HttpStatus.FORBIDDEN, "invalid-setup-token", "Invalid setup token",
                               "the setup token does not match the one in the log of the latest start");
    }
}
