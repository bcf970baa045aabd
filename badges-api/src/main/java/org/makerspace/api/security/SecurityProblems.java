package org.makerspace.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.makerspace.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers the requests the security filters refuse before any controller runs, as problems like every other error:
 * 401 with {@code WWW-Authenticate: Bearer} when credentials are missing or invalid, 403 when the caller's roles do
 * not open the path.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** Thrown by the bearer filter for a credential that was sent but is not accepted. */
    static final class InvalidCredential extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        InvalidCredential(String message) {
            super(message);
        }
    }

    private final ObjectMapper json;

    SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        ProblemDetail problem;
        if (exception instanceof InvalidCredential) {
            problem = Problems.problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid or expired credential",
                                       exception.getMessage(), request);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        } else {
            problem = Problems.problem(HttpStatus.UNAUTHORIZED, "authentication-required",
                                       "log in with POST /api/auth/login and send Authorization: Bearer <token>",
                                       request);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        write(response, problem);
    }

    /** 429: the client address sent too many wrong credentials lately; it may try again after the given seconds. */
    void tooManyFailures(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                         int perMinute) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-authentications",
                                         "Too many wrong credentials",
                                         "more than " + perMinute + " wrong credentials a minute came from your "
                                         + "address; try again in " + retryAfterSeconds + " s", request));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        write(response, Problems.problem(HttpStatus.FORBIDDEN, "access-denied",
                                         "your roles do not allow " + request.getMethod() + " "
                                         + request.getRequestURI(), request));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
