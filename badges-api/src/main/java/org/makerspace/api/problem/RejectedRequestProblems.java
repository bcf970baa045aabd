package org.makerspace.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers the requests Spring Security's firewall refuses (a {@code ;}, an encoded {@code /} or {@code .}, a
 * {@code //}, a control character in a header, …) with a 400 problem, where Spring would send the error to Boot's
 * default JSON. The firewall's message (in English, as Spring Security writes it) says what it refused; the path is not
 * echoed as the instance, since it is what was refused.
 */
final class RejectedRequestProblems implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequestProblems.class);

    private final ObjectMapper json;

    RejectedRequestProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException {
        log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "request-rejected",
                                                 rejected.getMessage(), null);
        response.resetBuffer();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
