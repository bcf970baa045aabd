package org.makerspace.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a request file of {@code docs/requests} as an editor's REST client would, one request after the other, with
 * the conventions the files document in their header:
 * <ul>
 *   <li>{@code @name = value} lines before the first {@code ###} declare variables, used as {@code {{name}}};</li>
 *   <li>{@code # @capture name = $.a.b} stores a field of the answer's JSON body as a variable;</li>
 *   <li>{@code # @eventually} retries the request, with a short pause, until its expectations hold;</li>
 *   <li>{@code # expect: 201} replaces "any 2xx" by that status; {@code # expect-json: $.a == value} compares a
 *       field of the answer, as text.</li>
 * </ul>
 * Directives are comment lines above the request line, where both IntelliJ and VS Code expect request metadata. The
 * parser refuses what an editor would read differently: a comment among the headers or after the body (an editor
 * sends it as part of the body), an unknown {@code @directive}, an undefined variable. A failed request ends the run
 * with an {@link AssertionError} naming the request, its line, the status and the body.
 */
public final class HttpFileRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE_DECLARATION = Pattern.compile("@([A-Za-z_][\\w.-]*)\\s*=\\s*(.*)");
    private static final Pattern VARIABLE_USE = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.-]*)\\s*}}");
    private static final Pattern REQUEST_LINE = Pattern.compile(
            "(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(?:\\s+HTTP/[0-9.]+)?");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):\\s*(.*)");
    private static final Pattern CAPTURE = Pattern.compile("@capture\\s+([A-Za-z_][\\w.-]*)\\s*=\\s*(\\$\\S*)");
    private static final Pattern EXPECT_STATUS = Pattern.compile("\\bexpect:\\s*(\\d{3})\\b");
    private static final Pattern EXPECT_JSON = Pattern.compile("\\bexpect-json:\\s*(\\$\\S*)\\s*==\\s*(.*)");
    private static final Pattern PATH_STEP = Pattern.compile("\\.([A-Za-z_][\\w-]*)|\\[(\\d+)]");

    /** A parsed request file: its declared variables and its requests, in order. */
    public record HttpFile(Map<String, String> variables, List<Request> requests) {

        public HttpFile {
            variables = Map.copyOf(variables);
            requests = List.copyOf(requests);
        }
    }

    /** One request as written, before variables are substituted; {@code line} is where its {@code ###} is. */
    public record Request(String title, int line, String method, String target, List<Header> headers, String body,
                          List<Capture> captures, Integer expectedStatus, List<JsonExpectation> expectations,
                          boolean eventually) {

        String describe() {
            return "request '" + title + "' (line " + line + ")";
        }
    }

    public record Header(String name, String value) {
    }

    public record Capture(String variable, String path) {
    }

    public record JsonExpectation(String path, String expected) {
    }

    /** What one request was answered, after its last attempt. */
    public record Exchange(Request request, URI uri, int status, JsonNode body, int attempts) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int maxAttempts;
    private final Duration pause;

    /** {@code maxAttempts} and {@code pause} apply to the requests marked {@code @eventually}. */
    public HttpFileRunner(int maxAttempts, Duration pause) {
        this.maxAttempts = maxAttempts;
        this.pause = pause;
    }

    /** A file of the project, found from the working directory of the build (a module or the root). */
    public static Path projectFile(String relativePath) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relativePath);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + relativePath + " above " + Path.of("").toAbsolutePath());
    }

    public static HttpFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ parsing

    public static HttpFile parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        Map<String, String> variables = new LinkedHashMap<>();
        int index = 0;
        for (; index < lines.length && !isSeparator(lines[index]); index++) {
            String line = lines[index].strip();
            if (line.isEmpty() || isComment(line)) {
                continue;
            }
            Matcher declaration = VARIABLE_DECLARATION.matcher(line);
            if (!declaration.matches()) {
                throw refusal(index, "before the first ### only comments and '@name = value' variables may appear");
            }
            variables.put(declaration.group(1), declaration.group(2).strip());
        }
        List<Request> requests = new ArrayList<>();
        while (index < lines.length) {
            int start = index++;
            int end = index;
            while (end < lines.length && !isSeparator(lines[end])) {
                end++;
            }
            requests.add(parseRequest(lines, start, end));
            index = end;
        }
        return new HttpFile(variables, requests);
    }

    /** Parses the block of lines {@code [start, end)}, whose first line is its {@code ###}. */
    private static Request parseRequest(String[] lines, int start, int end) {
        String title = lines[start].strip().substring(3).strip();
        List<Capture> captures = new ArrayList<>();
        List<JsonExpectation> expectations = new ArrayList<>();
        Integer expectedStatus = null;
        boolean eventually = false;
        int index = start + 1;
        for (; index < end; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!isComment(line)) {
                break;
            }
            String comment = commentText(line);
            if (comment.startsWith("@")) {
                Matcher capture = CAPTURE.matcher(comment);
                if (capture.matches()) {
                    captures.add(new Capture(capture.group(1), capture.group(2)));
                } else if (comment.equals("@eventually")) {
                    eventually = true;
                } else {
                    throw refusal(index, "unknown directive '" + comment + "' (known: @capture name = $.path, @eventually)");
                }
                continue;
            }
            Matcher status = EXPECT_STATUS.matcher(comment);
            if (status.find()) {
                if (expectedStatus != null) {
                    throw refusal(index, "a second 'expect:' for one request");
                }
                expectedStatus = Integer.valueOf(status.group(1));
            }
            Matcher json = EXPECT_JSON.matcher(comment);
            if (json.find()) {
                expectations.add(new JsonExpectation(json.group(1), unquote(json.group(2).strip())));
            }
        }
        if (index == end) {
            throw refusal(start, "'" + title + "' has no request line");
        }
        Matcher requestLine = REQUEST_LINE.matcher(lines[index].strip());
        if (!requestLine.matches()) {
            throw refusal(index, "expected a request line 'METHOD {{baseUrl}}/path', found '" + lines[index].strip() + "'");
        }
        List<Header> headers = new ArrayList<>();
        for (index++; index < end && !lines[index].isBlank(); index++) {
            String line = lines[index].strip();
            if (isComment(line)) {
                throw refusal(index, "comments go above the request line, not among the headers");
            }
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                throw refusal(index, "expected a header 'Name: value', found '" + line + "'");
            }
            headers.add(new Header(header.group(1), header.group(2).strip()));
        }
        List<String> bodyLines = new ArrayList<>();
        for (int line = index; line < end; line++) {
            String stripped = lines[line].strip();
            if (isComment(stripped)) {
                throw refusal(line, "an editor would send this comment as part of the body: "
                                    + "put it above the request line");
            }
            bodyLines.add(lines[line]);
        }
        String body = String.join("\n", bodyLines).strip();
        return new Request(title, start + 1, requestLine.group(1), requestLine.group(2), headers,
                           body.isEmpty() ? null : body, captures, expectedStatus, expectations, eventually);
    }

    private static boolean isSeparator(String line) {
        return line.strip().startsWith("###");
    }

    private static boolean isComment(String strippedLine) {
        return strippedLine.startsWith("#") || strippedLine.startsWith("//");
    }

    private static String commentText(String strippedLine) {
        String text = strippedLine.startsWith("//") ? strippedLine.substring(2) : strippedLine.substring(1);
        return text.strip();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static IllegalArgumentException refusal(int zeroBasedLine, String message) {
        return new IllegalArgumentException("line " + (zeroBasedLine + 1) + ": " + message);
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs every request in order. {@code overrides} replace declared variables (the base URL, credentials); each
     * must name a variable the file declares, so that a renamed variable fails here rather than silently.
     */
    public List<Exchange> run(HttpFile file, Map<String, String> overrides) {
        Map<String, String> variables = new LinkedHashMap<>(file.variables());
        overrides.forEach((name, value) -> {
            if (!variables.containsKey(name)) {
                throw new IllegalArgumentException("the file declares no variable '" + name + "' to override");
            }
            variables.put(name, value);
        });
        List<Exchange> exchanges = new ArrayList<>();
        for (Request request : file.requests()) {
            Exchange exchange = runWithRetries(request, variables);
            for (Capture capture : request.captures()) {
                JsonNode value = at(exchange.body(), capture.path());
                if (value.isMissingNode() || value.isNull()) {
                    throw new AssertionError(request.describe() + ": nothing at " + capture.path() + " to capture as "
                                             + capture.variable() + " in " + exchange.body());
                }
                variables.put(capture.variable(), value.isValueNode() ? value.asText() : value.toString());
            }
            exchanges.add(exchange);
        }
        return exchanges;
    }

    private Exchange runWithRetries(Request request, Map<String, String> variables) {
        int attempts = request.eventually() ? maxAttempts : 1;
        for (int attempt = 1; ; attempt++) {
            Exchange exchange = send(request, variables, attempt);
            Optional<String> problem = problemWith(exchange, variables);
            if (problem.isEmpty()) {
                return exchange;
            }
            if (attempt >= attempts) {
                throw new AssertionError(request.describe() + ", " + request.method() + " " + exchange.uri()
                                         + (attempts > 1 ? ", after " + attempts + " attempts" : "") + ": "
                                         + problem.get() + "\n  answered " + exchange.status() + " " + exchange.body());
            }
            sleep();
        }
    }

    private Exchange send(Request request, Map<String, String> variables, int attempt) {
        URI uri = URI.create(substitute(request.target(), variables, request));
        String body = request.body() == null ? null : substitute(request.body(), variables, request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (Header header : request.headers()) {
            builder.header(header.name(), substitute(header.value(), variables, request));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(),
                                                      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Exchange(request, uri, response.statusCode(), bodyOf(response), attempt);
        } catch (IOException e) {
            throw new UncheckedIOException(request.describe() + ": " + request.method() + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Optional<String> problemWith(Exchange exchange, Map<String, String> variables) {
        Request request = exchange.request();
        if (request.expectedStatus() != null ? exchange.status() != request.expectedStatus()
                : exchange.status() < 200 || exchange.status() > 299) {
            return Optional.of("expected status " + (request.expectedStatus() != null ? request.expectedStatus() : "2xx"));
        }
        for (JsonExpectation expectation : request.expectations()) {
            String expected = substitute(expectation.expected(), variables, request);
            JsonNode actual = at(exchange.body(), expectation.path());
            String text = actual.isMissingNode() ? null : actual.isValueNode() ? actual.asText() : actual.toString();
            if (!expected.equals(text)) {
                return Optional.of("expected " + expectation.path() + " == " + expected + ", but it was "
                                   + (text == null ? "absent" : text));
            }
        }
        return Optional.empty();
    }

    /** Replaces every {@code {{name}}}; a variable neither declared nor captured yet is an error. */
    static String substitute(String text, Map<String, String> variables, Request request) {
        Matcher use = VARIABLE_USE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (use.find()) {
            String value = variables.get(use.group(1));
            if (value == null) {
                throw new IllegalArgumentException(request.describe() + " uses {{" + use.group(1)
                                                   + "}}, which is neither declared nor captured above it");
            }
            use.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        use.appendTail(result);
        return result.toString();
    }

    /** The node at a path such as {@code $}, {@code $.token}, {@code $.a.b} or {@code $.a[0].b}; missing if absent. */
    static JsonNode at(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a path starts with $, but was '" + path + "'");
        }
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        Matcher step = PATH_STEP.matcher(path);
        int position = 1;
        while (position < path.length()) {
            if (!step.find(position) || step.start() != position) {
                throw new IllegalArgumentException("cannot read the path '" + path + "' from character " + position);
            }
            node = step.group(1) != null ? node.path(step.group(1)) : node.path(Integer.parseInt(step.group(2)));
            position = step.end();
        }
        return node;
    }

    private static JsonNode bodyOf(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isEmpty()) {
            return MissingNode.getInstance();
        }
        boolean json = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(false);
        if (!json) {
            return TextNode.valueOf(body);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
