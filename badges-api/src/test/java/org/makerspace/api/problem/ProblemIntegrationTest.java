package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Every error is a problem document with a stable type; the probe endpoints throw what real controllers will. */
class ProblemIntegrationTest extends ApiIntegrationTestSupport {

    private String admin;

    @BeforeEach
    void logIn() {
        admin = platformAdmin();
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
    }

    /** A misspelt field ("course" for "courseCode") is named, with the fields the request takes. */
    @Test
    void anUnknownFieldIsNamedWithTheAcceptedOnes() {
        Reply reply = api.post("/api/members/anyone/trainings", admin,
                               Map.of("labId", "lab-1", "course", "laser-basics", "hours", 2));

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("unknown field 'course' (accepted: ")
                .contains("courseCode").contains("completedAt").contains("hours");
    }

    @Test
    void anUnknownFieldInsideAnotherIsNamedWhereItSits() {
        Reply reply = api.post("/api/members/anyone/certifications", admin, Map.of(
                "labId", "lab-1", "scope", Map.of("machineTyp", "laser-cutter"), "level", "AUTONOMOUS",
                "expiry", Map.of("kind", "never")));

        assertProblem(reply, 400, "malformed-request-body");
        assertThat(reply.text("detail")).startsWith("unknown field 'scope.machineTyp' (accepted: ")
                .contains("machineType");
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
