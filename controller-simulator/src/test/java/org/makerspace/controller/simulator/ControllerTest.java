package org.makerspace.controller.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.Level;

/**
 * The controller against a small stand-in of the server over real loopback HTTP: what it trusts, how it decides when
 * the server is gone, what it keeps across its own restart, and how it catches up when the server is back.
 */
class ControllerTest {

    private static final String MACHINE = "laser-1";
    private static final String MEMBER_UID = "04:A2:B3:C4:5D:6E:70";
    private static final String TRAINER_UID = "04:11:22:33";
    private static final String STRANGER_UID = "04:99:99:99";
    private static final byte[] CARD_KEY = "the fablab's card key, 32 bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path state;

    private final CardHasher cards = new CardHasher(CARD_KEY);
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final List<Controller> controllers = new ArrayList<>();
    private FakeLedgerServer server;

    @BeforeEach
    void aServerWithTheMachinesList() throws IOException {
        server = new FakeLedgerServer("fablab-x", MACHINE, "https://ledger.example");
        server.publish(allowlist(1, clock.instant().plus(Duration.ofHours(24)), MEMBER_UID));
    }

    @AfterEach
    void switchOff() {
        controllers.forEach(Controller::close);
        server.close();
    }

    private Allowlist allowlist(long version, Instant expiresAt, String... autonomousUids) {
        List<Allowlist.Entry> entries = new ArrayList<>();
        entries.add(new Allowlist.Entry(cards.fingerprint(TRAINER_UID), Level.TRAINER, null));
        for (String uid : autonomousUids) {
            entries.add(new Allowlist.Entry(cards.fingerprint(uid), Level.AUTONOMOUS, null));
        }
        return new Allowlist("fablab-x", MACHINE, version, clock.instant(), expiresAt, true, 120, 15, null, entries);
    }

    /** A controller on the state directory; short network timers, so that a test does not wait on them. */
    private Controller controller() {
        return controller(state);
    }

    private Controller controller(Path stateDirectory) {
        ControllerSettings settings = ControllerSettings.of(URI.create(server.url()), MACHINE, "mk_test", CARD_KEY,
                                                            stateDirectory)
                .withOnlineTimeout(Duration.ofMillis(500)).withMaxReconnectPause(Duration.ofMillis(200))
                .withRetryInterval(Duration.ofMillis(300));
        Controller controller = new Controller(settings, clock);
        controllers.add(controller);
        return controller;
    }

    /** Both ends of the stream open: a push before the server has registered the stream would be lost. */
    private void awaitStreaming(Controller controller) {
        await().atMost(WAIT).until(() -> controller.status().streaming() && server.openStreams() == 1);
    }

    private void grantOnline(String sessionId, int minutes) {
        server.accessAnswer = Map.of("decision", "granted", "sessionId", sessionId, "level", "autonomous",
                                     "maxSessionMinutes", minutes, "memberId", "marie");
    }

    // ---------------------------------------------------------------- trust

    @Test
    void aListSignedByTheLabIsHeldWithItsKeyFetchedFromTheConfiguredServer() {
        Controller controller = controller();

        controller.sync();

        assertThat(controller.allowlist()).map(Allowlist::version).contains(1L);
        assertThat(controller.status().labId()).isEqualTo("fablab-x");
        // The kid names https://ledger.example; the controller asked its own server for the key, nothing else.
        assertThat(server.requests).contains("GET /ob3/issuers/fablab-x/keys/" + server.lab.kid
                .substring(server.lab.kid.lastIndexOf('/') + 1) + "/jwk");
    }

    @Test
    void aTamperedListIsRefusedAndTheVerifiedOneKept() {
        Controller controller = controller();
        controller.sync();
        server.serve(TestLab.tampered(server.lab.sign(allowlist(2, clock.instant().plus(Duration.ofDays(7)),
                                                                MEMBER_UID, STRANGER_UID))));

        controller.refreshAllowlist();

        assertThat(controller.status().rejectedDocuments()).isEqualTo(1);
        assertThat(controller.status().lastRejection()).startsWith("bad_signature");
        assertThat(controller.allowlist()).map(Allowlist::version).contains(1L);
        server.unavailable = true;
        assertThat(controller.tap(STRANGER_UID).reason()).isEqualTo("unknown_card");
        assertThat(controller.tap(MEMBER_UID).granted()).isTrue();
    }

    @Test
    void aListSignedByAnotherLabsKeyIsRefused() throws IOException {
        Controller controller = controller();
        controller.sync();
        TestLab otherLab = new TestLab("fablab-y", "https://ledger.example");
        Allowlist theirs = new Allowlist("fablab-y", MACHINE, 2, clock.instant(), clock.instant().plusSeconds(3600),
                                         true, 120, 15, null, List.of());

        server.serve(otherLab.sign(theirs));
        controller.refreshAllowlist();

        assertThat(controller.status().lastRejection()).startsWith("unknown_key");
        assertThat(controller.allowlist()).map(Allowlist::labId).contains("fablab-x");
    }

    // ---------------------------------------------------------------- offline

    @Test
    void withTheServerUnavailableItDecidesFromTheListAndQueuesEverythingWithItsOwnTimes() {
        Controller controller = controller();
        controller.sync();
        server.unavailable = true;
        Instant tappedAt = clock.instant();

        Decision granted = controller.tap(MEMBER_UID);
        clock.advance(Duration.ofMinutes(10));
        SessionEnd ended = controller.stop("finished").orElseThrow();
        Decision denied = controller.tap(STRANGER_UID);

        assertThat(granted.granted()).isTrue();
        assertThat(granted.offline()).isTrue();
        assertThat(granted.sessionId()).startsWith("off-");
        assertThat(granted.maxSessionMinutes()).isEqualTo(120);
        assertThat(ended.minutes()).isEqualTo(10);
        assertThat(denied.reason()).isEqualTo("unknown_card");
        assertThat(controller.status().queued()).as("a decision, a start, an end, a decision").isEqualTo(4);

        server.unavailable = false;
        Upload upload = controller.upload();

        assertThat(upload.decisionsRecorded()).isEqualTo(2);
        assertThat(upload.sessionReports()).isEqualTo(2);
        assertThat(upload.remaining()).isZero();
        assertThat(server.arrivals).containsExactly("decision", "decision", "start " + granted.sessionId(),
                                                    "end " + granted.sessionId() + " finished");
        assertThat(server.decisions).extracting(decision -> decision.get("at"))
                .containsExactly(tappedAt.toString(), tappedAt.plus(Duration.ofMinutes(10)).toString());
        assertThat(server.decisions.get(1)).containsEntry("reason", "unknown_card")
                .containsEntry("cardHash", cards.hash(STRANGER_UID));
        assertThat(server.sessionReports.get(0)).containsEntry("startedAt", tappedAt.toString())
                .containsEntry("decidedOffline", true).containsEntry("cardHash", cards.hash(MEMBER_UID));
        assertThat(server.sessionReports.get(1)).containsEntry("reason", "finished").containsEntry("minutes", 10L);
    }

    @Test
    void aSupervisedMemberIsLetInOfflineOnlyAfterATrainersTapOnThisController() {
        Allowlist withSupervised = new Allowlist(
                "fablab-x", MACHINE, 2, clock.instant(), clock.instant().plus(Duration.ofHours(24)), true, 120, 15,
                null, List.of(new Allowlist.Entry(cards.fingerprint(TRAINER_UID), Level.TRAINER, null),
                              new Allowlist.Entry(cards.fingerprint(MEMBER_UID), Level.SUPERVISED, null)));
        server.publish(withSupervised);
        Controller controller = controller();
        controller.sync();
        server.unavailable = true;

        assertThat(controller.tap(MEMBER_UID).reason()).isEqualTo("supervision_required");
        assertThat(controller.tap(TRAINER_UID).level()).isEqualTo("trainer");
        clock.advance(Duration.ofMinutes(5));
        assertThat(controller.tap(MEMBER_UID).granted()).isTrue();
    }

    @Test
    void pastItsExpiryTheListRefusesEveryoneAndStillDoesAfterARestart() {
        server.publish(allowlist(2, clock.instant().plus(Duration.ofHours(1)), MEMBER_UID));
        Controller controller = controller();
        controller.sync();
        server.unavailable = true;
        assertThat(controller.tap(MEMBER_UID).granted()).isTrue();
        controller.stop("finished");

        clock.advance(Duration.ofHours(1));

        assertThat(controller.tap(MEMBER_UID).reason()).isEqualTo("allowlist_expired");
        assertThat(controller.tap(TRAINER_UID).reason()).isEqualTo("allowlist_expired");
        assertThat(controller.status().failsClosed()).isTrue();
        controller.close();
        assertThat(controller().tap(TRAINER_UID).reason()).as("after a restart, still expired, not missing")
                .isEqualTo("allowlist_expired");
    }

    @Test
    void aControllerThatCannotReachTheServerSaysItIsOffline() {
        server.stop();
        Controller controller = controller();

        Upload upload = controller.sync();

        assertThat(controller.status().online()).isFalse();
        assertThat(controller.status().failsClosed()).as("it never held a list").isTrue();
        assertThat(upload.remaining()).isZero();
        assertThat(controller.tap(MEMBER_UID).reason()).isEqualTo("no_allowlist");
    }

    @Test
    void aRestartedControllerDecidesFromItsStateAndUploadsTheQueueOfBothLivesOldestFirst() throws IOException {
        Controller first = controller();
        first.sync();
        server.stop();
        Decision before = first.tap(MEMBER_UID);
        clock.advance(Duration.ofMinutes(3));
        first.stop("finished");
        first.tap(STRANGER_UID);
        first.close();

        clock.advance(Duration.ofMinutes(1));
        Controller second = controller();
        Decision after = second.tap(MEMBER_UID);
        clock.advance(Duration.ofMinutes(2));
        second.stop("finished");
        assertThat(after.granted()).as("decided from the stored list, server still down").isTrue();
        assertThat(second.status().queued()).isEqualTo(7);

        server.restart();
        Upload upload = second.sync();

        assertThat(upload.remaining()).isZero();
        assertThat(server.arrivals).containsExactly(
                "decision", "decision", "decision",
                "start " + before.sessionId(), "end " + before.sessionId() + " finished",
                "start " + after.sessionId(), "end " + after.sessionId() + " finished");
        assertThat(second.status().queued()).isZero();
    }

    @Test
    void aSessionCutByACrashIsReportedAsAFaultAtTheRestart(@TempDir Path afterTheCrash) throws IOException {
        Controller crashed = controller();
        crashed.sync();
        server.unavailable = true;
        Decision granted = crashed.tap(MEMBER_UID);
        // The process dies with the machine running; its files stay. (Copied: this JVM still holds the first lock.)
        copy(state, afterTheCrash);
        clock.advance(Duration.ofMinutes(7));

        Controller restarted = controller(afterTheCrash);

        assertThat(restarted.status().session()).isNull();
        server.unavailable = false;
        restarted.upload();
        assertThat(server.arrivals).containsExactly("decision", "start " + granted.sessionId(),
                                                    "end " + granted.sessionId() + " fault");
        assertThat(server.sessionReports.get(1)).containsEntry("minutes", 7L);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(path -> !path.getFileName().toString().equals("lock")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void reportsSentAgainAfterALostAcknowledgementAreHarmless() throws IOException {
        Controller controller = controller();
        controller.sync();
        server.unavailable = true;
        controller.tap(MEMBER_UID);
        controller.tap(STRANGER_UID);
        Path queue = state.resolve("queue");
        List<Path> files;
        try (Stream<Path> listed = Files.list(queue)) {
            files = listed.sorted().toList();
        }
        List<String> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readString(file));
        }
        server.unavailable = false;
        controller.upload();
        controller.stop("finished");
        controller.upload();
        controller.close();

        // As if the controller had crashed after sending, before forgetting; then started again.
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(files.get(i), contents.get(i));
        }
        Upload again = controller().upload();

        assertThat(again.decisionsRecorded()).isZero();
        assertThat(again.decisionsDuplicate()).isEqualTo(2);
        assertThat(server.decisions).hasSize(2);
    }

    @Test
    void aReportTheServerRefusesForGoodIsSetAsideAndDoesNotBlockTheOthers() {
        Controller controller = controller();
        controller.sync();
        server.unavailable = true;
        controller.tap(MEMBER_UID);
        controller.stop("finished");
        server.unknownCardHash = cards.hash(MEMBER_UID);
        server.unavailable = false;

        Upload upload = controller.upload();

        assertThat(upload.rejected()).isEqualTo(1);
        assertThat(upload.remaining()).isZero();
        assertThat(controller.status().rejectedReports()).isEqualTo(1);
        assertThat(state.resolve("rejected")).isDirectoryContaining(path -> path.toString().endsWith(".answer"));
    }

    // ---------------------------------------------------------------- online and the stream

    @Test
    void aStateDirectoryServesOneControllerAtATime() {
        Controller first = controller();

        assertThatThrownBy(this::controller).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another controller");
        first.close();
        assertThat(controller().status().queued()).isZero();
    }

    @Test
    void anOnlineGrantStartsASessionTheControllerEndsAtItsTimeLimit() {
        Controller controller = controller();
        controller.sync();
        grantOnline("s-1", 1);

        Decision granted = controller.tap(MEMBER_UID);
        clock.advance(Duration.ofSeconds(61));
        SessionEnd ended = controller.tick().orElseThrow();

        assertThat(granted.offline()).isFalse();
        assertThat(granted.sessionId()).isEqualTo("s-1");
        assertThat(ended.reason()).isEqualTo("time_limit");
        assertThat(ended.endedAt()).isEqualTo(granted.at().plus(Duration.ofMinutes(1)));
        assertThat(server.arrivals).containsExactly("start s-1", "end s-1 time_limit");
        assertThat(server.sessionReports.get(0)).containsEntry("decidedOffline", false);
    }

    @Test
    void aChangeThatRemovesTheRunningCardEndsTheSessionAsRevoked() {
        Controller controller = controller();
        controller.start();
        awaitStreaming(controller);
        grantOnline("s-2", 120);
        controller.tap(MEMBER_UID);

        server.push(AllowlistChange.EVENT, new AllowlistChange(
                MACHINE, 2, 1, true, 120, null,
                List.of(new AllowlistChange.Removal(cards.fingerprint(MEMBER_UID), "revoked")), List.of()).toJson());

        await().atMost(WAIT).until(() -> server.arrivals.contains("end s-2 permission_revoked"));
        assertThat(controller.status().session()).isNull();
        assertThat(controller.allowlist().orElseThrow().entry(cards.fingerprint(MEMBER_UID))).isEmpty();
    }

    @Test
    void aMissedChangeMakesTheControllerFetchTheDocument() {
        Controller controller = controller();
        controller.start();
        awaitStreaming(controller);
        server.publish(allowlist(3, clock.instant().plus(Duration.ofHours(24)), MEMBER_UID, STRANGER_UID));

        server.push(AllowlistChange.EVENT, new AllowlistChange(
                MACHINE, 3, 2, true, 120, null, List.of(),
                List.of(new Allowlist.Entry(cards.fingerprint(STRANGER_UID), Level.AUTONOMOUS, null))).toJson());

        await().atMost(WAIT).until(() -> controller.status().allowlistVersion() == 3L);
        assertThat(controller.allowlist().orElseThrow().entry(cards.fingerprint(STRANGER_UID))).isPresent();
    }

    @Test
    void whenTheServerComesBackTheStreamReopensAndTheQueueGoesByItself() throws IOException {
        Controller controller = controller();
        controller.start();
        awaitStreaming(controller);
        server.stop();
        await().atMost(WAIT).until(() -> !controller.status().streaming());
        Decision offline = controller.tap(MEMBER_UID);

        server.restart();

        await().atMost(WAIT).until(() -> server.arrivals.contains("start " + offline.sessionId()));
        assertThat(offline.offline()).isTrue();
        await().atMost(WAIT).until(() -> controller.status().queued() == 0);
    }
}
