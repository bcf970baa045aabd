package org.makerspace.api.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.makerspace.api.openbadges.OpenBadgesTestSupport;
import org.makerspace.api.testing.ApiClient;
import org.makerspace.api.testing.OpenApiOperations;
import org.makerspace.api.testing.OpenApiOperations.Operation;
import org.makerspace.api.testing.Reply;
import org.makerspace.ledger.lab.api.LabId;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Reads the OpenAPI document and, for every operation, calls it as each kind of caller who may not (nobody; a learner,
 * a trainer, an admin and a machine key of another lab, and of a lab it trusts as a partner), about the resources of
 * one lab; and checks each answer against the rule the document states in {@code x-open-to}. A lab's own people,
 * calling the operations that read, are let in. So the document and the code cannot drift apart: an operation without a rule fails here, and so does one whose
 * code lets in someone its rule does not.
 *
 * <p>Bodies are built from the document's schemas; a {@code labId} in a body names the calling lab (recording in one's
 * own lab's name about another lab's member is the attack), or the other lab where the path names nothing of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTest extends OpenBadgesTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> SECURITY_REFUSALS = Set.of("authentication-required", "access-denied",
                                                                "invalid-token");

    /** The lab whose resources every call is about. */
    private Award target;
    private String targetMachine;
    private String targetMachineKey;
    private String targetLearner;
    private String otherLearner;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    /** The lab the foreign callers belong to. */
    private Award other;
    private String otherMachine;
    private final Map<String, Caller> foreigners = new LinkedHashMap<>();

    /** Operations whose body names a person they create, under an id of the lab's choosing, not someone known. */
    private static final Set<String> NAMING_NEW_PEOPLE = Set.of("POST /api/labs/{labId}/members",
                                                                "POST /api/labs/{labId}/trainers");

    /** Values the schemas cannot say: a choice between fields, a criterion's kind, a time of day. */
    private static final Map<String, JsonNode> KNOWN_VALUES = Map.of(
            "scope", JSON.createObjectNode().put("machineType", "laser-cutter"),
            "criteria", JSON.createArrayNode().add(JSON.createObjectNode().put("kind", "training-completed")
                                                           .put("courseCode", "safety")),
            "expiry", JSON.createObjectNode().put("kind", "never"),
            "roles", JSON.createArrayNode().add("TRAINER"),
            "opens", JSON.getNodeFactory().textNode("09:00"),
            "closes", JSON.getNodeFactory().textNode("18:00"));

    private record Caller(String token, String labId, String trainerId) {
    }

    @BeforeAll
    void threeLabs() {
        api = new ApiClient(port());
        target = earn("matrix-b", "Laser B");
        other = earn("matrix-a", "Laser A");
        targetMachine = unique("laser-b");
        registeredMachine(target.admin(), target.lab(), targetMachine, "laser-cutter", "HIGH");
        targetMachineKey = machine(target.lab(), targetMachine);
        targetLearner = learner(target.lab(), target.member());
        String trainingId = created(api.post("/api/members/" + target.member() + "/trainings", target.trainer(),
                                             Map.of("labId", target.lab(), "courseCode", "safety", "hours", 1)))
                .text("id");
        String contributionId = created(api.post("/api/members/" + target.member() + "/contributions", target.admin(),
                                                 Map.of("labId", target.lab(), "workshop", "Repair café",
                                                        "role", "HELPER", "hours", 2))).text("id");
        pathValues.put("labId", target.lab());
        pathValues.put("memberId", target.member());
        pathValues.put("machineId", targetMachine);
        pathValues.put("trainerId", target.lab() + "-tom");
        pathValues.put("machineType", "laser-cutter");
        pathValues.put("achievementId", target.lab() + "-laser");
        pathValues.put("version", "1");
        pathValues.put("awardId", target.awardId());
        pathValues.put("trainingId", trainingId);
        pathValues.put("certificationId", "cert-" + target.member());
        pathValues.put("contributionId", contributionId);
        pathValues.put("sessionId", "session-1");
        pathValues.put("name", "access");

        otherMachine = unique("laser-a");
        registeredMachine(other.admin(), other.lab(), otherMachine, "laser-cutter", "HIGH");
        String otherTrainerId = other.lab() + "-tom";
        otherLearner = learner(other.lab(), other.member());
        foreigners.put("a learner of another lab", new Caller(otherLearner, other.lab(), null));
        foreigners.put("a trainer of another lab", new Caller(other.trainer(), other.lab(), otherTrainerId));
        foreigners.put("an admin of another lab", new Caller(other.admin(), other.lab(), otherTrainerId));
        foreigners.put("a machine key of another lab's machine",
                       new Caller(machine(other.lab(), otherMachine), other.lab(), null));

        // A lab the target trusts as a partner: trusting its credentials opens nothing else.
        Award partner = earn("matrix-c", "Laser C");
        created(api.post("/api/labs/" + target.lab() + "/partners", target.admin(),
                         Map.of("partnerIssuerId", urls.issuer(LabId.of(partner.lab())), "partnerName", "Partner C")));
        String partnerMachine = unique("laser-c");
        registeredMachine(partner.admin(), partner.lab(), partnerMachine, "laser-cutter", "HIGH");
        String partnerTrainerId = partner.lab() + "-tom";
        foreigners.put("a learner of a partner lab",
                       new Caller(learner(partner.lab(), partner.member()), partner.lab(), null));
        foreigners.put("a trainer of a partner lab", new Caller(partner.trainer(), partner.lab(), partnerTrainerId));
        foreigners.put("an admin of a partner lab", new Caller(partner.admin(), partner.lab(), partnerTrainerId));
        foreigners.put("a machine key of a partner lab's machine",
                       new Caller(machine(partner.lab(), partnerMachine), partner.lab(), null));
    }

    private List<Operation> operations() {
        return OpenApiOperations.read(api);
    }

    @Test
    void everyOperationStatesWhoMayCallIt() {
        List<String> withoutRule = new ArrayList<>();
        operations().forEach(operation -> {
            if (operation.rule() == null) {
                withoutRule.add(operation.toString());
            }
        });
        assertThat(withoutRule).as("operations without x-open-to").isEmpty();
        assertThat(operations()).as("operations read from the document").hasSizeGreaterThan(90);
    }

    @Test
    void publicOperationsAnswerWithoutCredentials() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            if (operation.rule() == AccessRule.PUBLIC) {
                Reply reply = call(operation, null, target.lab());
                softly.assertThat(securityRefusal(reply)).as("%s, anonymously: %s %s", operation, reply.status(),
                                                             reply.body()).isNull();
            }
        }
        softly.assertAll();
    }

    @Test
    void whoTheRuleLeavesOutIsRefused() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            AccessRule rule = operation.rule();
            if (rule == null || rule == AccessRule.PUBLIC) {
                continue;
            }
            Reply anonymous = call(operation, null, target.lab());
            softly.assertThat(anonymous.status()).as("%s, anonymously: %s", operation, anonymous.body())
                    .isEqualTo(401);
            if (rule == AccessRule.SIGNED_IN || rule == AccessRule.ACCOUNT) {
                continue; // about the caller themself: no other lab's resource to be refused
            }
            foreigners.forEach((who, caller) -> {
                Reply reply = call(operation, caller, caller.labId());
                softly.assertThat(reply.status()).as("%s, as %s: %s", operation, who, reply.body()).isEqualTo(403);
            });
        }
        softly.assertAll();
    }

    /**
     * A lab's own people, on their own lab's resources, naming in the body a person of the other lab (a member, a
     * trainer): an account bound to them, a session or an offline decision about them, a training in their name. Each
     * is refused; only operations that name a new person (registering a member or a trainer under a new id) are left
     * out, and the machine's question, which answers rather than records, must not let them in.
     */
    @Test
    void peopleOfAnotherLabNamedInABodyAreRefused() {
        Map<String, String> ownPath = Map.of("labId", other.lab(), "memberId", other.member(), "machineId", otherMachine,
                                             "trainerId", other.lab() + "-tom", "achievementId", other.lab() + "-laser",
                                             "awardId", other.awardId());
        Map<String, JsonNode> targetPeople = Map.of("memberId", JSON.getNodeFactory().textNode(target.member()),
                                                    "trainerId", JSON.getNodeFactory().textNode(target.lab() + "-tom"));
        Map<String, String> roleBoundTo = Map.of("memberId", "LEARNER", "trainerId", "TRAINER");
        SoftAssertions softly = new SoftAssertions();
        int tried = 0;
        for (Operation operation : operations()) {
            String token = switch (operation.rule()) {
                case LAB_ADMIN, LAB_STAFF -> other.admin();
                case MACHINE -> foreigners.get("a machine key of another lab's machine").token();
                case MEMBER, MEMBER_OR_STAFF, MEMBER_OR_LAB_ADMIN -> otherLearner;
                default -> null;
            };
            if (token == null || NAMING_NEW_PEOPLE.contains(operation.toString())) {
                continue;
            }
            for (Map.Entry<String, JsonNode> person : targetPeople.entrySet()) {
                if (!operation.bodyHasProperty(Set.of(person.getKey()))) {
                    continue;
                }
                tried++;
                Map<String, JsonNode> fixed = new LinkedHashMap<>(KNOWN_VALUES);
                fixed.put(person.getKey(), person.getValue());
                fixed.put("labId", JSON.getNodeFactory().textNode(other.lab()));
                fixed.put("roles", JSON.createArrayNode().add(roleBoundTo.get(person.getKey())));
                String path = PATH_PARAMETER.matcher(operation.path()).replaceAll(
                        parameter -> ownPath.getOrDefault(parameter.group(1), "unknown-" + parameter.group(1)));
                String body = operation.example(operation.bodySchema(), fixed).toString();
                Reply reply = api.send(HttpMethod.valueOf(operation.method().toUpperCase()), path, token,
                                       MediaType.APPLICATION_JSON, body);
                if (operation.path().endsWith("/access")) {
                    softly.assertThat(reply.text("decision")).as("%s about %s: %s", operation, person.getValue(),
                                                                reply.body()).isNotEqualTo("granted");
                } else {
                    softly.assertThat(reply.status()).as("%s naming %s: %s", operation, body, reply.body())
                            .isIn(403, 409, 422);
                }
            }
        }
        softly.assertAll();
        assertThat(tried).as("operations whose body names a person").isGreaterThanOrEqualTo(6);
    }

    @Test
    void whoTheRuleNamesReadsWhatItIsAbout() {
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations()) {
            AccessRule rule = operation.rule();
            if (!operation.method().equals("get") || rule == null || operation.isStream()) {
                continue;
            }
            String token = switch (rule) {
                case PUBLIC -> null;
                case SIGNED_IN, ACCOUNT, MEMBER, MEMBER_OR_STAFF, MEMBER_OR_LAB_ADMIN -> targetLearner;
                case PLATFORM_ADMIN -> platformAdmin();
                case LAB_ADMIN -> target.admin();
                case LAB_STAFF -> target.trainer();
                case MACHINE -> targetMachineKey;
            };
            Reply reply = call(operation, token == null ? null : new Caller(token, target.lab(), null), target.lab());
            softly.assertThat(securityRefusal(reply)).as("%s, as whom %s names: %s %s", operation, rule,
                                                         reply.status(), reply.body()).isNull();
            softly.assertThat(reply.status()).as("%s, as whom %s names", operation, rule).isLessThan(500);
        }
        softly.assertAll();
    }

    // ---------------------------------------------------------------- calls

    private Reply call(Operation operation, Caller caller, String bodyLab) {
        String path = expand(operation.path()) + requiredQuery(operation);
        JsonNode schema = operation.bodySchema();
        String body = null;
        MediaType type = null;
        if (schema != null) {
            Map<String, JsonNode> fixed = new LinkedHashMap<>(KNOWN_VALUES);
            fixed.put("labId", JSON.getNodeFactory().textNode(operation.path().contains("{") ? bodyLab : target.lab()));
            if (caller != null && caller.trainerId() != null) {
                fixed.put("trainerId", JSON.getNodeFactory().textNode(caller.trainerId()));
            }
            body = operation.example(schema, fixed).toString();
            type = MediaType.APPLICATION_JSON;
        } else if (operation.bodyMediaType() != null) {
            body = "";
            type = MediaType.parseMediaType(operation.bodyMediaType());
        }
        return api.send(HttpMethod.valueOf(operation.method().toUpperCase()), path,
                        caller == null ? null : caller.token(), type, body);
    }

    private String expand(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(
                    pathValues.getOrDefault(parameter.group(1), "unknown-" + parameter.group(1))));
        }
        return parameter.appendTail(path).toString();
    }

    private String requiredQuery(Operation operation) {
        StringBuilder query = new StringBuilder();
        operation.requiredQueryParameters().forEach((name, schema) -> query
                .append(query.isEmpty() ? '?' : '&').append(name).append('=')
                .append(pathValues.containsKey(name) ? pathValues.get(name) : operation.example(schema, Map.of()).asText()));
        return query.toString();
    }

    /** The problem code of a refusal by the security layer, or null when the answer is something else. */
    private static String securityRefusal(Reply reply) {
        if (reply.status() != 401 && reply.status() != 403 || reply.body() == null) {
            return null;
        }
        String type = reply.body().path("type").asText("");
        String code = type.substring(type.lastIndexOf('/') + 1);
        return SECURITY_REFUSALS.contains(code) ? code : null;
    }
}
