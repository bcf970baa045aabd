package org.makerspace.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problems this API answers. A problem's {@code type} is {@code https://makerspace-ledger.org/problems/}
 * followed by a kebab-case code that clients may switch on; the code, once published, never changes meaning.
 */
public final class Problems {

    /** Every problem type starts with this. */
    public static final String TYPE_BASE = "https://makerspace-ledger.org/problems/";

    private Problems() {
    }

    /**
     * A problem of the given code, with a title derived from the code and the path of the request as instance.
     *
     * @param code   kebab-case, for example {@code machine-out-of-service}; other spellings are normalised to it
     * @param detail what went wrong for this very request, in a sentence a person can act on
     */
    public static ProblemDetail problem(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
        return problem(status, code, titleOf(code), detail, request);
    }

    /** As {@link #problem(HttpStatusCode, String, String, HttpServletRequest)} with an explicit title. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail,
                                        HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title);
        if (request != null) {
            problem.setInstance(instanceOf(request));
        }
        return problem;
    }

    /** The type URI of a code. */
    public static URI type(String code) {
        return URI.create(TYPE_BASE + kebab(code));
    }

    /** The code of a status that has no more specific one: its reason phrase, such as {@code payload-too-large}. */
    static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : kebab(known.getReasonPhrase());
    }

    /** {@code machine-out-of-service} becomes "Machine out of service". */
    static String titleOf(String code) {
        String words = kebab(code).replace('-', ' ');
        return words.isEmpty() ? "Problem" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String kebab(String code) {
        String lower = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        String dashed = lower.replaceAll("[^a-z0-9]+", "-");
        return dashed.replaceAll("^-+|-+$", "");
    }

    static URI instanceOf(HttpServletRequest request) {
        return instanceOf(request.getRequestURI());
    }

    /**
     * The path as a problem's instance; null when it is no path, as when the server refused a request line it could
     * not read, so that a problem never echoes what was not understood.
     */
    static URI instanceOf(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
