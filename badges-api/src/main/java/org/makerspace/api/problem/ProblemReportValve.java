package org.makerspace.api.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report, as a problem instead of an HTML page: for the requests Tomcat refuses before the application
 * sees them (a request target with a raw "|" or "{", an invalid or forbidden {@code %} escape, a header too
 * large or with a control character, an unknown HTTP version). Such a request may not even have a readable path, so
 * the answer is a problem whatever the path; the status is Tomcat's.
 *
 * <p>Public with a constructor of no argument, as Tomcat makes its host's error report valve from the class name.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MALFORMED_REQUEST = "the request line or a header is malformed: a character the URL must "
            + "percent-encode (such as a space, | or {), an invalid or forbidden % escape (such as %zz, %2F or %00), "
            + "a control character in a header, or headers larger than the server takes";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As ErrorReportValve: nothing for a success, nor after a body was started or an error was already reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            String problem = JSON.writeValueAsString(problem(HttpStatusCode.valueOf(status), request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client left, or the response is already under way: nobody to tell.
        }
    }

    /** The problem of a request Tomcat refused with this status, as a JSON object. */
    static Map<String, Object> problem(HttpStatusCode status, String path) {
        String code;
        String detail;
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            code = "malformed-request";
            detail = MALFORMED_REQUEST;
        } else if (status.is5xxServerError() && status.value() != HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            code = "internal-error";
            detail = "the server could not answer this request";
        } else {
            code = Problems.codeOf(status);
            HttpStatus known = HttpStatus.resolve(status.value());
            detail = "refused by the server: " + (known == null ? "status " + status.value()
                    : known.getReasonPhrase().toLowerCase(Locale.ROOT));
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(code).toString());
        problem.put("title", Problems.titleOf(code));
        problem.put("status", status.value());
        problem.put("detail", detail);
        URI instance = Problems.instanceOf(path);
        if (instance != null) {
            problem.put("instance", instance.toString());
        }
        return problem;
    }
}
