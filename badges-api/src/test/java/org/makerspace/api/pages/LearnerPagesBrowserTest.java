package org.makerspace.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.HeadlessChromium;
import org.makerspace.api.testing.Reply;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A trainer logs in on a phone or a computer, in French or in English, finds a learner by the first letters of their
 * name, accents aside, and reads their passport; a trainer of another lab is refused that page.
 */
class LearnerPagesBrowserTest extends ApiIntegrationTestSupport {

    private String lab;
    private String trainerUsername;
    private String lea;
    private WebDriver browser;

    /** The words of the pages, by language: what a person reads and clicks. */
    private record Words(String language, String username, String password, String logIn, String name,
                         String laserCutter, String valid, String forbidden, String machine, String certify,
                         String granted, String printer, String notQualified) {
    }

    private static final Words FRENCH = new Words("fr", "Identifiant", "Mot de passe", "Se connecter", "Nom",
                                                  "Découpeuse laser", "Valide", "Page réservée", "Machine",
                                                  "Certifier",
                                                  "Certification Découpeuse laser — Autonome — accordée à Louis B., "
                                                  + "valable jusqu'au ", "Imprimante 3D", "habilité");
    private static final Words ENGLISH = new Words("en", "Username", "Password", "Log in", "Name", "Laser cutter",
                                                   "Valid", "Restricted page", "Machine", "Certify",
                                                   "Certification Laser cutter — Autonomous — granted to Louis B., "
                                                   + "valid until ", "3D printer", "not qualified");

    static Stream<Arguments> languagesAndScreens() {
        Dimension phone = new Dimension(390, 844);
        Dimension desktop = new Dimension(1280, 900);
        return Stream.of(Arguments.of(FRENCH, phone), Arguments.of(FRENCH, desktop),
                         Arguments.of(ENGLISH, phone), Arguments.of(ENGLISH, desktop));
    }

    @BeforeEach
    void aLabWithLearners() {
        lab = unique("pages-lab");
        String admin = registeredLab(lab);
        String trainerId = unique("trainer");
        assertThat(api.post("/api/labs/" + lab + "/trainers", admin, Map.of("trainerId", trainerId)).status())
                .isEqualTo(201);
        assertThat(api.post("/api/labs/" + lab + "/trainers/" + trainerId + "/qualifications", admin,
                            Map.of("machineType", "laser-cutter")).status()).isEqualTo(204);
        Map<String, Object> account = account("TRAINER", lab);
        account.put("trainerId", trainerId);
        trainerUsername = createAccount(account);
        String trainer = login(trainerUsername, PASSWORD);
        lea = register(trainer, "Léa Martin");
        register(trainer, "Louis Bernard");
        registeredMachine(admin, lab, unique("laser"), "laser-cutter", "HIGH");
        registeredMachine(admin, lab, unique("printer"), "3d-printer", "LOW");
        assertThat(api.post("/api/members/" + lea + "/certifications", trainer,
                            Map.of("labId", lab, "scope", Map.of("machineType", "laser-cutter"), "level", "AUTONOMOUS",
                                   "expiry", Map.of("kind", "after-period", "period", "P1Y"))).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/members/" + lea + "/passport", trainer).body().path("certifications")).hasSize(1));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @MethodSource("languagesAndScreens")
    void aTrainerFindsALearnerByTheFirstLettersOfTheirNameAndReadsTheirPassport(Words words, Dimension screen) {
        browser = HeadlessChromium.start(words.language());
        browser.manage().window().setSize(screen);
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());

        pages.logIn(words.username(), words.password(), words.logIn(), trainerUsername, PASSWORD)
                .findLearner(words.name(), "lea");
        assertThat(pages.text()).contains("Léa Martin").doesNotContain("Louis Bernard");
        pages.openLearner("Léa Martin");

        assertThat(pages.text()).contains(words.laserCutter()).contains(words.valid());
    }

    @ParameterizedTest
    @MethodSource("languagesAndScreens")
    void aTrainerCertifiesALearnerFoundByTheFirstLettersOfTheirNameInAtMostSixInteractions(Words words,
                                                                                          Dimension screen) {
        browser = HeadlessChromium.start(words.language());
        browser.manage().window().setSize(screen);
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());
        pages.logIn(words.username(), words.password(), words.logIn(), trainerUsername, PASSWORD);
        pages.resetInteractions();

        pages.findLearner(words.name(), "lou").openLearner("Louis Bernard")
                .choose(words.machine(), words.laserCutter()).tap(words.certify());

        assertThat(pages.message()).startsWith(words.granted());
        assertThat(pages.interactions()).isLessThanOrEqualTo(6);
        assertThat(pages.text()).contains(words.valid());
    }

    @Test
    void aTrainerRegistersALearnerOnTheSpotAndGoesOnToTheirPage() {
        browser = HeadlessChromium.start("fr");
        browser.manage().window().setSize(new Dimension(390, 844));
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());
        pages.logIn(FRENCH.username(), FRENCH.password(), FRENCH.logIn(), trainerUsername, PASSWORD);

        // Spaces pass the browser's own check, not the server's: the page says what to fix.
        pages.follow("Inscrire une nouvelle personne").type("Nom et prénom", "   ").tap("Inscrire");
        assertThat(pages.text()).contains("Indiquez le nom de la personne");

        pages.open("/app/learners/new");
        pages.type("Nom et prénom", "Zoé Petit").tap("Inscrire");

        assertThat(pages.heading()).isEqualTo("Zoé Petit");
        assertThat(pages.message()).isEqualTo("Zoé P. est inscrit·e dans votre lab.");
        pages.open("/app");
        pages.findLearner(FRENCH.name(), "zoe");
        assertThat(pages.text()).contains("Zoé Petit");
    }

    @Test
    void aCardTappedOnTheReaderOpensItsHoldersPage() {
        String trainer = login(trainerUsername, PASSWORD);
        assertThat(api.post("/api/members/" + lea + "/cards", trainer, Map.of("cardUid", "04A1B2C3D4E5F6")).status())
                .isEqualTo(201);
        browser = HeadlessChromium.start("fr");
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());
        pages.logIn(FRENCH.username(), FRENCH.password(), FRENCH.logIn(), trainerUsername, PASSWORD);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            pages.open("/app");
            pages.tapCard(FRENCH.name(), "04A1B2C3D4E5F6");
            assertThat(pages.heading()).isEqualTo("Léa Martin");
        });
    }

    @Test
    void aTrainerSuspendsACertificationWithAReasonThenReinstatesIt() {
        browser = HeadlessChromium.start("en");
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());
        pages.logIn(ENGLISH.username(), ENGLISH.password(), ENGLISH.logIn(), trainerUsername, PASSWORD)
                .findLearner(ENGLISH.name(), "lea").openLearner("Léa Martin");

        pages.expand("Suspend, reinstate or revoke").type("Reason for the suspension", "left the laser running")
                .tap("Suspend");
        assertThat(pages.message()).startsWith("Certification suspended");
        assertThat(pages.text()).contains("Suspended");

        pages.expand("Suspend, reinstate or revoke").tap("Reinstate");
        assertThat(pages.message()).startsWith("Certification reinstated");
        assertThat(pages.text()).contains("Valid");
        String trainer = login(trainerUsername, PASSWORD);
        assertThat(api.get("/api/members/" + lea + "/passport", trainer).body().path("certifications").get(0)
                           .path("status").asText()).isEqualTo("VALID");
    }

    @Test
    void theLedgersRefusalIsShownInWords() {
        browser = HeadlessChromium.start("fr");
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());
        pages.logIn(FRENCH.username(), FRENCH.password(), FRENCH.logIn(), trainerUsername, PASSWORD)
                .findLearner(FRENCH.name(), "lea").openLearner("Léa Martin");

        pages.choose(FRENCH.machine(), FRENCH.printer()).tap(FRENCH.certify());

        assertThat(pages.message()).contains(FRENCH.notQualified()).contains("qualifier");
    }

    @Test
    void aTrainerOfAnotherLabIsRefusedTheLearnersPage() {
        String otherLab = unique("pages-other");
        registeredLab(otherLab);
        String otherTrainer = unique("trainer");
        assertThat(api.post("/api/labs/" + otherLab + "/trainers", platformAdmin(), Map.of("trainerId", otherTrainer))
                           .status()).isEqualTo(201);
        Map<String, Object> account = account("TRAINER", otherLab);
        account.put("trainerId", otherTrainer);
        String username = createAccount(account);
        browser = HeadlessChromium.start("fr");
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());

        pages.logIn(FRENCH.username(), FRENCH.password(), FRENCH.logIn(), username, PASSWORD)
                .open("/app/learners/" + lea);

        assertThat(pages.heading()).isEqualTo(FRENCH.forbidden());
        assertThat(pages.text()).doesNotContain("Léa Martin");
    }

    @ParameterizedTest
    @MethodSource("languagesAndScreens")
    void theFrontDoorLeadsLabStaffToTheLoginPage(Words words, Dimension screen) {
        browser = HeadlessChromium.start(words.language());
        browser.manage().window().setSize(screen);
        StaffPages pages = new StaffPages(browser, "http://localhost:" + port());

        pages.open("/");
        pages.follow(words.logIn());

        assertThat(pages.heading()).isEqualTo(words.logIn().equals("Log in") ? "Log in" : "Connexion");
    }

    @Test
    void aLoginFormPostedWithoutItsCsrfTokenIsRefused() {
        Reply posted = api.send(HttpMethod.POST, "/login", null, MediaType.APPLICATION_FORM_URLENCODED,
                                "username=" + trainerUsername + "&password=" + PASSWORD.replace(" ", "+"),
                                HttpHeaders.EMPTY);

        assertThat(posted.status()).isEqualTo(403);
    }

    @Test
    void theStaffPagesAskAnonymousVisitorsToLogIn() {
        Reply page = api.get("/app/learners/" + lea, null);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.headers().getLocation()).hasToString("http://localhost:" + port() + "/login");
    }

    private String register(String trainer, String name) {
        String memberId = unique("member");
        assertThat(api.post("/api/labs/" + lab + "/members", trainer, Map.of("memberId", memberId, "displayName", name))
                           .status()).isEqualTo(201);
        return memberId;
    }
}
