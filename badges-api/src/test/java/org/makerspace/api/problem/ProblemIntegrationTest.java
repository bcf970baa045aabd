package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Every error is a problem document with a stable type; the probe endpoints throw what real controllers will. */
class ProblemIntegrationTest extends ApiIntegrationTestSupport {

    private String admin;

    @BeforeEach
    void logIn() {
        admin = platformAdmin();
    }

    /** Else a refusal could not be written in a type the client accepts, and left with no body at all. */
    @Test
    void anAcceptHeaderThatCannotBeReadIsABadRequest() {
        HttpHeaders unreadable = new HttpHeaders();
        unreadable.set(HttpHeaders.ACCEPT, "*/*;q=x");

        Reply refused = api.send(HttpMethod.GET, "/api/test-probe/labs/some-lab/staff", null, null, null, unreadable);
        Reply answered = api.send(HttpMethod.GET, "/api/test-probe/count?limit=1", admin, null, null, unreadable);

        assertProblem(refused, 400, "malformed-accept-header");
        assertProblem(answered, 400, "malformed-accept-header");
    }

    /** A request that says it is multipart but has no boundary cannot be read: the client's mistake, not ours. */
    @Test
    void aMultipartRequestWithoutBoundaryIsABadRequest() {
        Reply reply = api.send(HttpMethod.GET, "/api/test-probe/count?limit=1", admin,
                               MediaType.MULTIPART_FORM_DATA, "");

        assertProblem(reply, 400, "malformed-multipart-request");
    }

    @Test
    void malformedJsonIsABadRequestThatSaysWhere() {
        Reply reply = api.send(HttpMethod.POST, "/api/test-probe/echo", admin, MediaType.APPLICATION_JSON,
                               "{\"name\": \"x\",\n \"count\": }");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("malformed JSON at line 2, column").doesNotContain("Source");
    }

    @Test
    void valueOfTheWrongTypeNamesTheField() {
        Reply reply = api.post("/api/test-probe/echo", admin, Map.of("name", "x", "count", "many"));

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("field 'count':");
        assertThat(fields(reply)).containsExactly("count");
    }

    /** Jackson kept the last of two values without a word; which one the client meant is not ours to guess. */
    @Test
    void aFieldSentTwiceIsNamedWhereItSits() {
        Reply reply = api.send(HttpMethod.POST, "/api/members/anyone/certifications", admin, MediaType.APPLICATION_JSON,
                               """
                               {"labId": "lab-1", "scope": {"machineType": "laser-cutter", "machineType": "lathe"},
                                "level": "AUTONOMOUS", "expiry": {"kind": "never"}}""");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("field 'scope.machineType' appears twice at line 1, column");
        assertThat(fields(reply)).containsExactly("scope.machineType");
    }

    /** A null role reached the account's rules, which failed on it: a 500. */
    @Test
    void nullInsideAnArrayNamesTheItem() {
        Reply reply = api.send(HttpMethod.POST, "/api/accounts", admin, MediaType.APPLICATION_JSON,
                               "{\"username\": \"" + unique("nobody") + "\", \"password\": \"" + PASSWORD + "\","
                               + " \"roles\": [\"LAB_ADMIN\", null], \"labId\": \"lab-1\"}");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).isEqualTo("field 'roles[1]': must not be null");
        assertThat(fields(reply)).containsExactly("roles[1]");
    }

    /** 1.5 was read as 1, where the schema says integer: the client's mistake was recorded as something else. */
    @Test
    void aFractionWhereAnIntegerIsDueIsRefusedNotRounded() {
        Reply reply = api.send(HttpMethod.POST, "/api/test-probe/echo", admin, MediaType.APPLICATION_JSON,
                               "{\"name\": \"x\", \"count\": 1.5}");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).isEqualTo("field 'count': '1.5' is not an integer");
        assertThat(fields(reply)).containsExactly("count");
    }

    @Test
    void aNumberTooLargeForItsFieldNamesTheField() {
        Reply reply = api.send(HttpMethod.POST, "/api/test-probe/echo", admin, MediaType.APPLICATION_JSON,
                               "{\"name\": \"x\", \"count\": 99999999999999999999}");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).isEqualTo("field 'count': out of range for an integer");
        assertThat(fields(reply)).containsExactly("count");
    }

    /** A misspelt field ("course" for "courseCode") is named, with the fields the request takes. */
    @Test
    void anUnknownFieldIsNamedWithTheAcceptedOnes() {
        Reply reply = api.post("/api/members/anyone/trainings", admin,
                               Map.of("labId", "lab-1", "course", "laser-basics", "hours", 2));

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("unknown field 'course' (accepted: ")
                .contains("courseCode").contains("completedAt").contains("hours");
        assertThat(fields(reply)).containsExactly("course");
    }

    @Test
    void anUnknownFieldInsideAnotherIsNamedWhereItSits() {
        Reply reply = api.post("/api/members/anyone/certifications", admin, Map.of(
                "labId", "lab-1", "scope", Map.of("machineTyp", "laser-cutter"), "level", "AUTONOMOUS",
                "expiry", Map.of("kind", "never")));

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("unknown field 'scope.machineTyp' (accepted: ")
                .contains("machineType");
        assertThat(fields(reply)).containsExactly("scope.machineTyp");
    }

    @Test
    void unknownEnumValueListsTheAcceptedOnes() {
        Map<String, Object> account = account("LAB_ADMIN", "lab-1");
        account.put("roles", new String[] {"JANITOR"});

        Reply reply = api.post("/api/accounts", admin, account);

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).contains("roles[0]").contains("JANITOR").contains("LAB_ADMIN");
    }

    @Test
    void unfinishedJsonSaysWhatWasExpected() {
        Reply reply = api.send(HttpMethod.POST, "/api/test-probe/echo", admin, MediaType.APPLICATION_JSON,
                               "{\"name\": \"x\"");

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail"))
                .isEqualTo("malformed JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void missingBodyIsABadRequest() {
        Reply reply = api.send(HttpMethod.POST, "/api/test-probe/echo", admin, MediaType.APPLICATION_JSON, null);

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).isEqualTo("the request body is missing");
    }

    @Test
    void validationProblemNamesEachField() {
        Reply reply = api.post("/api/test-probe/echo", admin, Map.of("name", " ", "count", 0));

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.body().get("errors")).hasSize(2);
        assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("count");
        assertThat(reply.body().get("errors").get(1).get("field").asText()).isEqualTo("name");
        assertThat(reply.body().get("errors").get(1).get("message").asText()).isNotBlank();
        assertThat(reply.text("detail")).isEqualTo("invalid: count, name");
    }

    /** The body's fields were named after our method's parameter ("request") when a path variable was validated too. */
    @Test
    void validationProblemNamesTheBodysFieldsWhenThePathIsValidatedToo() {
        Reply reply = api.post("/api/test-probe/echo/Not-A-Tag", admin, Map.of("name", "x", "count", 0));

        assertProblem(reply, 400, "validation-failed");
        assertThat(fields(reply)).containsExactly("count", "tag");
    }

    @Test
    void unknownRouteIsNotFound() {
        Reply reply = api.get("/api/no-such-thing", admin);

        assertProblem(reply, 404, "unknown-route");
        assertThat(reply.text("detail")).isEqualTo("nothing answers GET /api/no-such-thing");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        Reply reply = api.send(HttpMethod.POST, "/api/auth/login", null, MediaType.TEXT_PLAIN,
                               "username=a&password=b");

        assertProblem(reply, 415, "unsupported-media-type");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        assertProblem(api.get("/api/auth/login", null), 405, "method-not-allowed");
    }

    @Test
    void parameterOfTheWrongTypeIsABadRequest() {
        Reply reply = api.get("/api/test-probe/count?limit=lots", admin);

        assertProblem(reply, 400, "invalid-parameter");
        assertThat(reply.text("detail")).isEqualTo("parameter 'limit' must be an integer, but was 'lots'");
    }

    @Test
    void missingParameterIsABadRequest() {
        Reply reply = api.get("/api/test-probe/count", admin);

        assertProblem(reply, 400, "missing-parameter");
        assertThat(reply.text("detail")).contains("limit");
    }

    @Test
    void illegalArgumentIsABadRequestWithItsMessage() {
        Reply reply = api.get("/api/test-probe/refuse", admin);

        assertProblem(reply, 400, "invalid-argument");
        assertThat(reply.text("detail")).isEqualTo("count must be positive, but was -1");
    }

    @Test
    void readSideMissIsNotFound() {
        Reply reply = api.get("/api/test-probe/missing", admin);

        assertProblem(reply, 404, "not-found");
        assertThat(reply.text("detail")).isEqualTo("no machine 'laser-9'");
    }

    @Test
    void missingAggregateIsNotFound() {
        Reply reply = api.get("/api/test-probe/missing-aggregate", admin);

        assertProblem(reply, 404, "not-found");
        assertThat(reply.text("detail")).contains("lab-404");
    }

    @Test
    void concurrentChangeIsAConflictToRetry() {
        Reply reply = api.get("/api/test-probe/concurrent", admin);

        assertProblem(reply, 409, "concurrent-modification");
        assertThat(reply.text("detail")).isEqualTo("changed concurrently, retry");
    }

    @Test
    void exceptionDeclaringItsStatusKeepsIt() {
        Reply reply = api.get("/api/test-probe/gone", admin);

        assertProblem(reply, 410, "gone");
        assertThat(reply.text("detail")).isEqualTo("this probe left for good");
    }

    @Test
    void unexpectedErrorAnswersOnlyAnErrorId() {
        Reply reply = api.get("/api/test-probe/crash", admin);

        assertProblem(reply, 500, "internal-error");
        assertThat(reply.text("errorId")).isNotBlank();
        assertThat(reply.text("detail")).contains(reply.text("errorId")).doesNotContain("internal detail");
    }

    /** An error sent to the container (not thrown to Spring MVC) goes to /error, which answers a problem too. */
    @Test
    void anErrorSentToTheServletContainerIsAProblemWhateverTheClientAccepts() {
        for (MediaType accepted : List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.APPLICATION_XML)) {
            HttpHeaders accept = new HttpHeaders();
            accept.setAccept(List.of(accepted));

            Reply teapot = api.send(HttpMethod.GET, "/api/test-probe/send-error?status=418", admin, null, null, accept);
            Reply crash = api.send(HttpMethod.GET, "/api/test-probe/send-error?status=500", admin, null, null, accept);

            assertProblem(teapot, 418, "i-m-a-teapot");
            assertThat(teapot.text("instance")).isEqualTo("/api/test-probe/send-error");
            assertProblem(crash, 500, "internal-error");
            assertThat(crash.text("errorId")).isNotBlank();
            assertThat(crash.body().toString()).doesNotContain("internal detail");
        }
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.body().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.text("type")).isEqualTo(Problems.TYPE_BASE + code);
        assertThat(reply.text("title")).isNotBlank();
        assertThat(reply.body().get("status").asInt()).isEqualTo(status);
        assertThat(reply.text("detail")).isNotBlank();
        assertThat(reply.text("instance")).startsWith("/api/");
    }
}
