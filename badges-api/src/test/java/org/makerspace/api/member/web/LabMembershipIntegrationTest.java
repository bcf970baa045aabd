package org.makerspace.api.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two labs on one deployment: a lab records facts only about its own members, and a member joins another lab of the
 * network by their own act or by an admin of a lab they already belong to; machine keys speak only for their lab.
 */
class LabMembershipIntegrationTest extends ApiIntegrationTestSupport {

    @Autowired
    private MemberDirectory directory;

    private static final Duration READ_MODELS = Duration.ofSeconds(20);

    private final String labA = unique("fablab-a");
    private final String labB = unique("fablab-b");
    private String adminA;
    private String adminB;

    @BeforeEach
    void twoLabs() {
        adminA = registeredLab(labA);
        adminB = registeredLab(labB);
    }

    private Map<String, Object> certification(String lab) {
        return Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                      "expiry", Map.of("kind", "never"));
    }

    @Test
    void aLabCannotCertifyOrTrainAnotherLabsLearnerInItsOwnName() {
        String trainerB = qualifiedTrainer(adminB, labB, "laser-cutter");
        String learnerOfB = certifiedMember(trainerB, labB, "laser-cutter", "AUTONOMOUS", null);

        Reply certified = api.post("/api/members/" + learnerOfB + "/certifications", adminA,
                                   Map.of("labId", labA, "scope", Map.of("machineType", "laser-cutter"),
                                          "level", "AUTONOMOUS", "expiry", Map.of("kind", "never"),
                                          "trainerId", "anyone"));
        String trainerA = qualifiedTrainer(adminA, labA, "laser-cutter");
        Reply certifiedByTrainer = api.post("/api/members/" + learnerOfB + "/certifications", trainerA,
                                            certification(labA));
        Reply trained = api.post("/api/members/" + learnerOfB + "/trainings", trainerA,
                                 Map.of("labId", labA, "courseCode", "laser-basics", "hours", 2));
        Reply contributed = api.post("/api/members/" + learnerOfB + "/contributions", adminA,
                                     Map.of("labId", labA, "workshop", "Repair café", "role", "HELPER", "hours", 1));

        for (Reply refused : List.of(certifiedByTrainer, trained, contributed)) {
            assertThat(refused.status()).as(String.valueOf(refused.body())).isEqualTo(403);
            assertThat(refused.text("type")).endsWith("/not-a-member-of-lab");
            assertThat(refused.text("detail")).contains(learnerOfB).contains(labA);
        }
        assertThat(certified.status()).isIn(403, 422);
        assertThat(api.get("/api/members/" + learnerOfB + "/passport", adminB).body().path("trainings")).isEmpty();
        assertThat(api.get("/api/members/" + learnerOfB + "/passport", trainerA).status()).isEqualTo(403);
    }

    @Test
    void aMemberWhoJoinsAnotherLabIsTrainedThereAndItsStaffReadsTheirPassport() {
        String trainerB = qualifiedTrainer(adminB, labB, "laser-cutter");
        String member = certifiedMember(trainerB, labB, "laser-cutter", "AUTONOMOUS", null);
        String learner = learner(labB, member);
        String trainerA = qualifiedTrainer(adminA, labA, "laser-cutter");

        Reply joined = api.post("/api/members/" + member + "/labs", learner, Map.of("labId", labA));
        Reply again = api.post("/api/members/" + member + "/labs", learner, Map.of("labId", labA));

        assertThat(joined.status()).as(String.valueOf(joined.body())).isEqualTo(200);
        assertThat(joined.body().path("labs")).extracting(node -> node.asText()).containsExactly(labB, labA);
        assertThat(directory.search(labA, "learner", 20)).extracting(MemberProfile::memberId).containsExactly(member);
        assertThat(again.body().path("labs")).hasSize(2);
        Reply trained = api.post("/api/members/" + member + "/trainings", trainerA,
                                 Map.of("labId", labA, "courseCode", "laser-basics", "hours", 2));
        assertThat(trained.status()).as(String.valueOf(trained.body())).isEqualTo(201);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + member + "/passport", trainerA).body().path("trainings")).hasSize(1));
        assertThat(api.get("/api/members/" + member + "/labs", trainerA).body().path("labs")).hasSize(2);
    }

    @Test
    void aLabCertifiesAndLinksACardForAMemberWhoJoinedItAndItsMachineLetsThemIn() {
        String trainerB = qualifiedTrainer(adminB, labB, "laser-cutter");
        String member = registeredMember(trainerB, labB);
        String laserA = unique("laser-a");
        registeredMachine(adminA, labA, laserA, "laser-cutter", "HIGH");
        String keyA = machine(labA, laserA);
        String trainerA = qualifiedTrainer(adminA, labA, "laser-cutter");
        String card = unique("04a1b2");

        Reply linkedBeforeJoining = api.post("/api/members/" + member + "/cards", trainerA, Map.of("cardUid", card));
        assertThat(linkedBeforeJoining.status()).as(String.valueOf(linkedBeforeJoining.body())).isEqualTo(403);
        assertThat(api.post("/api/members/" + member + "/labs", learner(labB, member), Map.of("labId", labA))
                           .status()).isEqualTo(200);
        assertThat(api.post("/api/members/" + member + "/certifications", trainerA, certification(labA)).status())
                .isEqualTo(201);
        Reply linked = api.post("/api/members/" + member + "/cards", trainerA, Map.of("cardUid", card));

        assertThat(linked.status()).as(String.valueOf(linked.body())).isEqualTo(201);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.post("/api/machines/" + laserA + "/access", keyA, Map.of("cardUid", card)).text("decision"))
                .isEqualTo("granted"));
    }

    @Test
    void aRecordIsCorrectedByTheLabThatRecordedItAndByNoOtherLabOfTheMember() {
        String trainerB = qualifiedTrainer(adminB, labB, "laser-cutter");
        String member = registeredMember(trainerB, labB);
        String certificationOfB = api.post("/api/members/" + member + "/certifications", trainerB,
                                           certification(labB)).text("id");
        assertThat(api.post("/api/members/" + member + "/labs", adminB, Map.of("labId", labA)).status())
                .isEqualTo(200);
        String trainerA = qualifiedTrainer(adminA, labA, "laser-cutter");
        String trainingOfA = api.post("/api/members/" + member + "/trainings", trainerA,
                                      Map.of("labId", labA, "courseCode", "laser-basics", "hours", 2)).text("id");
        Map<String, Object> reason = Map.of("reason", "recorded by mistake");

        Reply retractedByB = api.post("/api/members/" + member + "/trainings/" + trainingOfA + "/retraction", adminB,
                                      reason);
        Reply suspendedByA = api.post("/api/members/" + member + "/certifications/" + certificationOfB + "/suspension",
                                      adminA, reason);
        Reply retractedByA = api.post("/api/members/" + member + "/trainings/" + trainingOfA + "/retraction",
                                      trainerA, reason);

        assertThat(retractedByB.status()).as(String.valueOf(retractedByB.body())).isEqualTo(403);
        assertThat(suspendedByA.status()).as(String.valueOf(suspendedByA.body())).isEqualTo(403);
        assertThat(retractedByA.status()).as(String.valueOf(retractedByA.body())).isEqualTo(204);
    }

    @Test
    void anAdminOfTheMembersLabMayEnrolThemInAnotherLabButTheOtherLabMayNotTakeThem() {
        String member = registeredMember(adminB, labB);

        Reply taken = api.post("/api/members/" + member + "/labs", adminA, Map.of("labId", labA));
        assertThat(taken.status()).as(String.valueOf(taken.body())).isEqualTo(403);
        assertThat(api.get("/api/members/" + member + "/labs", adminB).body().path("labs")).hasSize(1);

        Reply enrolled = api.post("/api/members/" + member + "/labs", adminB, Map.of("labId", labA));
        assertThat(enrolled.status()).as(String.valueOf(enrolled.body())).isEqualTo(200);
        assertThat(api.get("/api/members/" + member + "/labs", adminA).body().path("labs")).hasSize(2);
    }

    @Test
    void aMemberCannotJoinALabThatDoesNotExist() {
        String member = registeredMember(adminB, labB);
        String learner = learner(labB, member);

        Reply joined = api.post("/api/members/" + member + "/labs", learner, Map.of("labId", unique("nowhere")));

        assertThat(joined.status()).isEqualTo(422);
        assertThat(joined.text("type")).endsWith("/unknown-lab");
    }

    @Test
    void aMachineKeyCannotReportASessionOrAnOfflineDecisionAboutAnotherLabsMember() {
        String machineA = unique("laser-a");
        registeredMachine(adminA, labA, machineA, "laser-cutter", "HIGH");
        String keyA = machine(labA, machineA);
        String trainerB = qualifiedTrainer(adminB, labB, "laser-cutter");
        String memberOfB = certifiedMember(trainerB, labB, "laser-cutter", "AUTONOMOUS", null);
        await().atMost(READ_MODELS).untilAsserted(() -> assertThat(
                api.get("/api/members/" + memberOfB + "/passport", adminB).body().path("certifications")).hasSize(1));

        Reply session = api.post("/api/machines/" + machineA + "/sessions", keyA,
                                 Map.of("sessionId", unique("s"), "memberId", memberOfB,
                                        "startedAt", Instant.now().minusSeconds(5).toString(), "decidedOffline", true));
        Reply decision = api.post("/api/machines/" + machineA + "/offline-decisions", keyA,
                                  Map.of("decisions", List.of(Map.of("at", Instant.now().minusSeconds(5).toString(),
                                                                     "memberId", memberOfB, "decision", "granted"))));

        assertThat(session.status()).as(String.valueOf(session.body())).isEqualTo(403);
        assertThat(session.text("type")).endsWith("/not-a-member-of-lab");
        assertThat(decision.status()).as(String.valueOf(decision.body())).isEqualTo(403);
        assertThat(api.get("/api/machines/" + machineA + "/decisions", adminA).body().path("decisions")).isEmpty();
    }

    private String registeredMember(String staff, String lab) {
        String member = unique("member");
        Reply registered = api.post("/api/labs/" + lab + "/members", staff,
                                    Map.of("memberId", member, "displayName", "Learner " + member));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        return member;
    }
}
