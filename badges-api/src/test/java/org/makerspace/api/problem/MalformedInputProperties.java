package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.OpenApiOperations;
import org.makerspace.api.testing.OpenApiOperations.Operation;
import org.makerspace.api.testing.StandaloneApplications;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fuzzer of the OpenAPI document's operations, as properties: every operation, sent malformed and boundary bodies,
 * odd headers and odd path segments, answers without a server error, and under {@code /api} with a problem
 * ({@code application/problem+json} whose {@code status} is the answer's). Calls go as the platform admin, whom no
 * rule stops before the body is read, so that the body is what is tried.
 */
class MalformedInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Operations that would end the admin's session or start a rebuild of every read model: tried anonymously. */
    private static final List<String> TRIED_ANONYMOUSLY = List.of("/api/auth/logout", "/api/accounts/me/password",
                                                                 "/rebuild");

    private static Path dataDir;
    private static StandaloneApplications applications;
    private static int port;
    private static String admin;
    private static List<Operation> operations;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("malformed-input");
        applications = new StandaloneApplications(dataDir, "--server.port=0");
        ConfigurableApplicationContext context = applications.start(true);
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        ApiClient api = new ApiClient(port);
        admin = StandaloneApplications.login(api, StandaloneApplications.ADMIN, StandaloneApplications.ADMIN_PASSWORD);
        api.post("/api/labs", admin, Map.of("labId", "fuzz-lab", "name", "Fuzz lab",
                                            "publicUrl", "https://fuzz-lab.example"));
        operations = OpenApiOperations.read(api).stream().filter(operation -> !operation.isStream()).toList();
    }

    @AfterContainer
    static void stop() throws IOException {
        applications.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 2000)
    void malformedOrBoundaryBodiesAreRefusedWithAProblem(@ForAll("operationsWithABody") Operation operation,
                                                         @ForAll("bodyMutations") BodyMutation mutation)
            throws Exception {
        String body = mutation.apply(example(operation));
        Answer answer = send(operation, pathOf(operation, Map.of()), body, Map.of("Content-Type", "application/json"));

        answer.assertIsNoServerError(operation + " with " + mutation.name() + ": " + body);
    }

    @Property(tries = 400)
    void oddHeadersAreRefusedWithAProblem(@ForAll("operations") Operation operation,
                                          @ForAll("headerMutations") Map<String, String> headers) throws Exception {
        Answer answer = send(operation, pathOf(operation, Map.of()), example(operation).toString(), headers);

        answer.assertIsNoServerError(operation + " with headers " + headers);
    }

    @Property(tries = 400)
    void oddPathSegmentsAreRefusedWithAProblem(@ForAll("operations") Operation operation,
                                               @ForAll("pathSegments") String segment) throws Exception {
        Answer answer = send(operation, pathOf(operation, Map.of("*", segment)), example(operation).toString(),
                             Map.of("Content-Type", "application/json"));

        answer.assertIsNoServerError(operation + " with path segment " + segment);
    }

    // ---------------------------------------------------------------- what is tried

    @Provide
    Arbitrary<Operation> operations() {
        return Arbitraries.of(operations);
    }

    @Provide
    Arbitrary<Operation> operationsWithABody() {
        return Arbitraries.of(operations.stream().filter(operation -> operation.bodySchema() != null).toList());
    }

    /** A change to a valid body that makes it malformed, or valid but at a boundary: what it sends for an example. */
    record BodyMutation(String name, Function<JsonNode, String> render) {

        String apply(JsonNode example) {
            return render.apply(example.deepCopy());
        }

        static BodyMutation of(String name, UnaryOperator<JsonNode> change) {
            return new BodyMutation(name, example -> change.apply(example).toString());
        }

        /** This text, where {@code {example}} stands for the valid body. */
        static BodyMutation raw(String name, String body) {
            return new BodyMutation(name, example -> body.replace("{example}", example.toString()));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<BodyMutation> bodyMutations() {
        Arbitrary<JsonNode> odd = Arbitraries.of(
                NODES.nullNode(), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
                NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                NODES.numberNode(1e308), NODES.textNode(""), NODES.textNode(" "), NODES.textNode("x".repeat(100_000)),
                NODES.textNode("\u0000\u202e\uD83D\uDE00"), NODES.textNode("+999999999-12-31T23:59:59Z"),
                NODES.textNode("-999999999-01-01T00:00:00Z"), NODES.textNode("0000-01-01T00:00:00Z"),
                NODES.textNode("2026-02-30T10:00:00Z"), NODES.textNode("P999999999Y"), NODES.textNode("P-1D"),
                NODES.textNode("PT0S"), NODES.textNode("25:61"), NODES.booleanNode(true), NODES.objectNode(),
                NODES.arrayNode(), NODES.arrayNode().add(NODES.nullNode()), NODES.arrayNode().add(NODES.arrayNode()));
        Arbitrary<BodyMutation> replaced = Combinators.combine(Arbitraries.integers().between(0, 50), odd)
                .as((index, value) -> BodyMutation.of("property " + index + " set to " + abbreviated(value),
                                                      body -> replaceProperty(body, index, value)));
        Arbitrary<BodyMutation> nullInArrays = Arbitraries.just(BodyMutation.of("null in every array",
                                                                                MalformedInputProperties::nullInArrays));
        Arbitrary<BodyMutation> raw = Arbitraries.of(
                BodyMutation.raw("a duplicate key", "{\"x\":1,\"x\":2}"),
                new BodyMutation("its first key twice", MalformedInputProperties::firstKeyTwice),
                BodyMutation.raw("truncated JSON", "{\"a\":"),
                BodyMutation.raw("not JSON", "<xml>not json</xml>"),
                BodyMutation.raw("empty", ""),
                BodyMutation.raw("null", "null"),
                BodyMutation.raw("an array", "[{example}]"),
                BodyMutation.raw("a string", "\"text\""),
                BodyMutation.raw("deep nesting", "[".repeat(5_000) + "]".repeat(5_000)),
                BodyMutation.raw("a number", "1e999999"));
        return Arbitraries.oneOf(replaced, nullInArrays, raw);
    }

    @Provide
    Arbitrary<Map<String, String>> headerMutations() {
        return Arbitraries.of(
                Map.of("Content-Type", "text/plain"),
                Map.of("Content-Type", "application/json; charset=bogus"),
                Map.of("Content-Type", "multipart/form-data"),
                Map.of("Content-Type", "application/json", "Accept", "application/xml"),
                Map.of("Content-Type", "application/json", "Accept", "text/html"),
                Map.of("Content-Type", "application/json", "Accept", "*/*;q=x"),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer "),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer not-a-token"),
                Map.of("Content-Type", "application/json", "Authorization", "Basic YWRtaW46YWRtaW4="),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + "x".repeat(4_000)),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer mk_not-a-machine-key"),
                Map.of("Content-Type", "application/json", "Accept-Language", "xx-\u00e9;q=2"),
                Map.of("Content-Type", "application/json", "If-None-Match", "\"" + "e".repeat(2_000)));
    }

    @Provide
    Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.of("%2e%2e", "..%2F..", "%00", "a;b", "%25", "%FF", "%C3%A9", "%20", "x".repeat(5_000),
                               "-", ".", "a%2Fb", "%5C", "null", "0", "-1", "9999999999999999999"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
    }

    // ---------------------------------------------------------------- calls

    private record Answer(int status, String contentType, String body, String path) {

        void assertIsNoServerError(String what) throws IOException {
            assertThat(status).as("%s answered %s: %s", what, status, body).isLessThan(500);
            if (path.startsWith("/api/") && status >= 400) {
                assertThat(contentType).as("%s answered %s as %s: %s", what, status, contentType, body)
                        .startsWith("application/problem+json");
                assertThat(JSON.readTree(body).path("status").asInt()).as("%s: %s", what, body).isEqualTo(status);
            }
        }
    }

    private static Answer send(Operation operation, String path, String body, Map<String, String> headers)
            throws Exception {
        boolean anonymous = TRIED_ANONYMOUSLY.stream().anyMatch(path::contains);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.ofString(body));
        if (!anonymous && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + admin);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                          response.body(), path);
    }

    /** The operation's path, its parameters named after what they are ({@code *} for every one: an odd segment). */
    private static String pathOf(Operation operation, Map<String, String> values) {
        Matcher parameter = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = values.getOrDefault("*", parameter.group(1).equals("labId") ? "fuzz-lab" : "fuzz-1");
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(path).toString();
    }

    private static JsonNode example(Operation operation) {
        JsonNode schema = operation.bodySchema();
        return schema == null ? NODES.objectNode() : operation.example(schema, Map.of("labId", NODES.textNode("fuzz-lab")));
    }

    // ---------------------------------------------------------------- mutations

    /** Sets the property at this index, counting every property of every object depth-first, to the value. */
    private static JsonNode replaceProperty(JsonNode body, int index, JsonNode value) {
        List<ObjectNode> owners = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(body, owners, names);
        if (owners.isEmpty()) {
            return value;
        }
        int chosen = index % owners.size();
        owners.get(chosen).set(names.get(chosen), value);
        return body;
    }

    private static void collect(JsonNode node, List<ObjectNode> owners, List<String> names) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                owners.add(object);
                names.add(name);
            });
            object.elements().forEachRemaining(child -> collect(child, owners, names));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, owners, names));
        }
    }

    private static JsonNode nullInArrays(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(MalformedInputProperties::nullInArrays);
            array.addNull();
        } else if (node instanceof ObjectNode object) {
            object.elements().forEachRemaining(MalformedInputProperties::nullInArrays);
        }
        return node;
    }

    /** The body with its first property written a second time. */
    private static String firstKeyTwice(JsonNode example) {
        if (!(example instanceof ObjectNode object) || object.isEmpty()) {
            return "{\"x\":1,\"x\":1}";
        }
        String first = object.fieldNames().next();
        String property = JSON.createObjectNode().set(first, object.get(first)).toString();
        return "{" + property.substring(1, property.length() - 1) + "," + example.toString().substring(1);
    }

    private static String abbreviated(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
