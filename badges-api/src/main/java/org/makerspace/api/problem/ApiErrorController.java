package org.makerspace.api.problem;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's {@code /error}, which the servlet container forwards to when something outside Spring MVC's exception
 * handling failed (a filter's exception, a {@code sendError}), answering a problem for a path under {@code /api} —
 * whatever the {@code Accept} header — and Boot's own page or JSON for any other path.
 */
class ApiErrorController extends BasicErrorController {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorController.class);

    private final ObjectMapper json;

    ApiErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                       List<ErrorViewResolver> errorViewResolvers, ObjectMapper json) {
        super(errorAttributes, errorProperties, errorViewResolvers);
        this.json = json;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!underApi(request)) {
            return super.errorHtml(request, response);
        }
        ProblemDetail problem = problem(request);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            log.debug("Could not write the problem of {}", problem.getInstance(), e);
        }
        return null; // answered: no view
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        if (!underApi(request)) {
            return super.error(request);
        }
        ProblemDetail problem = problem(request);
        // A preset content type is written as it is, whatever the request accepts.
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.convertValue(problem, new TypeReference<Map<String, Object>>() { }));
    }

    private static boolean underApi(HttpServletRequest request) {
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return path instanceof String uri && (uri.equals("/api") || uri.startsWith("/api/"));
    }

    /**
     * As the problem handler answers: a 500 says only its error id (the log has the rest); another status is named by
     * its reason. The message given to {@code sendError} is not echoed: it may come from a library, in its terms.
     */
    private ProblemDetail problem(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem;
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            String errorId = UUID.randomUUID().toString();
            log.error("Unexpected error {} on {}", errorId, path,
                      (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            problem = Problems.problem(status, "internal-error", "unexpected error, reported as " + errorId, null);
            problem.setProperty("errorId", errorId);
        } else {
            problem = Problems.problem(status, Problems.codeOf(status),
                                       "refused by the server: " + status.getReasonPhrase().toLowerCase(Locale.ROOT), null);
        }
        problem.setInstance(Problems.instanceOf(path));
        return problem;
    }
}
