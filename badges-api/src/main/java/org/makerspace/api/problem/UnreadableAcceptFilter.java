package org.makerspace.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose {@code Accept} header cannot be read, with a problem, before anything else answers it:
 * otherwise whatever answer the request gets (a refusal, say) cannot be written in a type the client accepts, and
 * leaves with its status and no body at all.
 */
class UnreadableAcceptFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    UnreadableAcceptFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException unreadable) {
                ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "malformed-accept-header",
                                                         "the Accept header cannot be read: " + unreadable.getMessage(),
                                                         request);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
