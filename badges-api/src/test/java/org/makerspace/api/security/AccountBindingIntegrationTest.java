package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.Reply;

/** A lab admin binds accounts only to people of their own lab that exist, in the role combinations allowed. */
class AccountBindingIntegrationTest extends ApiIntegrationTestSupport {

    private final String labA = unique("fablab-a");
    private final String labB = unique("fablab-b");
    private String adminA;
    private String adminB;

    @BeforeEach
    void twoLabs() {
        adminA = registeredLab(labA);
        adminB = registeredLab(labB);
    }

    private Reply createTrainerAccount(String admin, String lab, String trainerId) {
        return api.post("/api/accounts", admin, Map.of("username", unique("trainer"), "password", PASSWORD,
                                                       "roles", List.of("TRAINER"), "labId", lab,
                                                       "trainerId", trainerId));
    }

    @Test
    void aTrainerAccountCannotBeBoundToAnotherLabsTrainer() {
        String trainerOfB = unique("trainer-b");
        assertThat(api.post("/api/labs/" + labB + "/trainers", adminB, Map.of("trainerId", trainerOfB)).status())
                .isEqualTo(201);

        Reply created = createTrainerAccount(adminA, labA, trainerOfB);

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(403);
        assertThat(created.text("detail")).contains(trainerOfB).contains(labA);
        assertThat(createTrainerAccount(adminB, labB, trainerOfB).status()).isEqualTo(201);
    }

    @Test
    void aTrainerAccountCannotBeBoundToATrainerNobodyRegistered() {
        Reply created = createTrainerAccount(adminA, labA, unique("ghost"));

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(403);
        assertThat(createTrainerAccount(platformAdmin(), labA, unique("ghost")).status()).isEqualTo(403);
    }

    @Test
    void aLearnerAccountCannotBeBoundToAnotherLabsMember() {
        String memberOfB = knownMember(labB);

        Reply created = api.post("/api/accounts", adminA, Map.of("username", unique("learner"), "password", PASSWORD,
                                                                 "roles", List.of("LEARNER"), "labId", labA,
                                                                 "memberId", memberOfB));

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(403);
    }

    @Test
    void anAccountCannotBeALearnerATrainerAndAnAdminAtOnce() {
        String trainerOfA = unique("trainer-a");
        assertThat(api.post("/api/labs/" + labA + "/trainers", adminA, Map.of("trainerId", trainerOfA)).status())
                .isEqualTo(201);

        Reply created = api.post("/api/accounts", adminA, Map.of("username", unique("everything"), "password", PASSWORD,
                                                                 "roles", List.of("LEARNER", "TRAINER", "LAB_ADMIN"),
                                                                 "labId", labA, "trainerId", trainerOfA,
                                                                 "memberId", knownMember(labA)));

        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(400);
        assertThat(created.text("detail")).startsWith("roles: ").contains("cannot be combined");
    }
}
