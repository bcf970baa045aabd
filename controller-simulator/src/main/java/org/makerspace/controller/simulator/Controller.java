package org.makerspace.controller.simulator;

import com.nimbusds.jose.JWSObject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.AllowlistRejected;
import org.makerspace.machine.protocol.AllowlistVerifier;
import org.makerspace.machine.protocol.CurrentAllowlist;
import org.makerspace.machine.protocol.Json;
import org.makerspace.machine.protocol.LabKeys;

/**
 * A machine's controller box: asks the server about each card, and decides from its signed allowlist when the server
 * cannot be reached (docs/machines.md is the protocol it follows).
 *
 * <ul>
 *   <li><b>Online first.</b> A tap asks {@code POST /access} with the card's hash and waits {@code onlineTimeout}; no
 *       connection, no answer in time or a 5xx make it decide offline, from the allowlist.</li>
 *   <li><b>The allowlist is trusted only verified</b>: fetched with {@code If-None-Match}, checked with the lab's key
 *       (fetched once from the configured server, {@code <kid>/jwk}) before it replaces the one held; a document that
 *       fails is refused and the held one kept. Past its {@code expiresAt}, by this controller's clock, everyone is
 *       refused offline: it fails closed.</li>
 *   <li><b>The stream</b> keeps it current: a {@code change} is applied at once (a session whose card it removes is
 *       ended, {@code permission_revoked}), a missed one makes it fetch the document, an {@code allowlist} event with
 *       another ETag too.</li>
 *   <li><b>Nothing is lost</b>: every offline decision and every session start and end goes to the queue in the state
 *       directory first, with its own time, and leaves it only once the server acknowledged it; the queue is sent
 *       oldest first whenever the server is reachable again (the stream reopening, a retry timer, {@link #sync()}).</li>
 * </ul>
 *
 * <p>Time is the injected clock's, so a test can take the controller past its allowlist's expiry; network timers
 * (timeouts, reconnection pauses, the silent-stream check) are real time.
 */
public final class Controller implements AutoCloseable {

    private static final System.Logger log = System.getLogger(Controller.class.getName());
    /** Where a lab's key is published, whatever the host: {@code …/ob3/issuers/{labId}/keys/{keyId}}. */
    private static final Pattern KEY_PATH = Pattern.compile(".*/ob3/issuers/([^/]+)/keys/([^/]+)");
    /** At most this many decisions per upload: the server's limit. */
    private static final int DECISIONS_PER_UPLOAD = 1000;
    /** A clock this far from the server's is worth a warning: expiry and reported times depend on it. */
    private static final Duration SKEW_WARNING = Duration.ofMinutes(1);

    private final ControllerSettings settings;
    private final Clock clock;
    private final StateDirectory state;
    private final OfflineQueue queue;
    private final ServerClient client;
    private final List<Consumer<SessionEnd>> endListeners = new CopyOnWriteArrayList<>();
    /** One fetch of the allowlist at a time, one upload of the queue at a time. */
    private final ReentrantLock fetching = new ReentrantLock();
    private final ReentrantLock uploading = new ReentrantLock();

    /** Guards what the decisions read: keys, lab, held list, session, the last trainer's grant. */
    private final Object lock = new Object();
    private LabKeys keys;
    private String lab;
    private HeldAllowlist held;
    private Session session;
    private Instant lastTrainerIn;
    private int rejectedDocuments;
    private String lastRejection;

    private volatile boolean online;
    private volatile boolean closed;
    private volatile Duration clockSkew;
    private volatile AllowlistStream stream;
    private volatile ScheduledExecutorService background;

    /**
     * A controller with what its state directory holds: lab keys, the last verified allowlist and the changes since
     * (verified again, a file is no more trusted than the network), the queue. A session the directory still shows
     * running was cut by a crash or a power loss: it is ended now, as a {@code fault}.
     */
    public Controller(ControllerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.state = new StateDirectory(settings.stateDirectory());
        this.queue = state.queue();
        this.client = new ServerClient(settings);
        try {
            load();
        } catch (RuntimeException e) {
            state.release();
            throw e;
        }
    }

    /** What the constructor reads from the state directory. */
    private void load() {
        this.lab = state.lab().orElse(null);
        LabKeys known = LabKeys.none();
        for (String jwk : state.keys()) {
            known = known.withJwk(jwk);
        }
        this.keys = known;
        state.allowlist().ifPresent(stored -> {
            try {
                Allowlist signed = verify(stored.compact(), false);
                held = HeldAllowlist.of(stored.compact(), stored.etag(), signed).followedBy(stored.changes());
            } catch (Untrusted e) {
                log.log(Level.WARNING, "the stored allowlist of {0} is not trusted ({1}); waiting for the server's",
                        settings.machineId(), e.getMessage());
            }
        });
        state.session().ifPresent(cut -> {
            session = cut;
            Instant now = now();
            endSessionLocked(SessionEndReasons.FAULT, now.isBefore(cut.startedAt()) ? cut.startedAt() : now);
        });
    }

    /**
     * Goes online: fetches the allowlist and the server's time, uploads what is queued, opens the stream, and starts
     * the timers (sessions' deadlines every second, the silent-stream check, upload retries). Works offline too: the
     * controller then decides from what its state directory holds until the server answers.
     */
    public void start() {
        sync();
        stream = new AllowlistStream(client, settings, new StreamListener());
        background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "controller-" + settings.machineId());
            thread.setDaemon(true);
            return thread;
        });
        background.scheduleWithFixedDelay(this::everySecond, 1, 1, TimeUnit.SECONDS);
        long retry = settings.retryInterval().toMillis();
        background.scheduleWithFixedDelay(this::retry, retry, retry, TimeUnit.MILLISECONDS);
        stream.start();
    }

    /** Told of every session the controller ends: by {@link #stop}, at its deadline, on a revocation, on a fault. */
    public void onSessionEnded(Consumer<SessionEnd> listener) {
        endListeners.add(listener);
    }

    // ---------------------------------------------------------------- cards

    /**
     * A card presented at the machine. Asks the server, or decides offline; a grant starts a session (ending the one
     * running, as a card swapped at the machine does) and queues its report, an offline decision is queued too.
     *
     * @throws IllegalArgumentException if {@code uid} is not a card UID (4 to 32 bytes of hex)
     */
    public Decision tap(String uid) {
        String cardHash = settings.cards().hash(uid);
        tick();
        Instant at = now();
        Decision decision;
        try {
            ServerClient.Reply reply = client.post(client.machinePath("/access"), Map.of("cardHash", cardHash),
                                                   settings.onlineTimeout());
            online = true;
            decision = answered(reply, cardHash, at);
        } catch (ServerClient.Unreachable e) {
            online = false;
            log.log(Level.INFO, "deciding offline: {0}", e.getMessage());
            decision = decideOffline(cardHash, at);
        }
        reportSoon();
        return decision;
    }

    /** The server's answer: its decision, a session when it granted. */
    private Decision answered(ServerClient.Reply reply, String cardHash, Instant at) {
        String card = CardHasher.FINGERPRINT_PREFIX + cardHash;
        if (reply.status() != 200) {
            // The server refused the question itself (a revoked key, a machine it no longer knows): not an outage,
            // so the allowlist does not decide either.
            log.log(Level.WARNING, "the server refused to answer ({0}): {1}", reply.status(), reply.body());
            return new Decision(at, card, false, "controller_refused", false, null, null, null, null);
        }
        Map<String, Object> answer = reply.json();
        if (!"granted".equals(answer.get("decision"))) {
            return new Decision(at, card, false, Json.optionalString(answer, "reason"), false, null,
                                Json.optionalString(answer, "level"), null, Json.optionalString(answer, "memberId"));
        }
        String sessionId = Json.string(answer, "sessionId");
        String level = Json.optionalString(answer, "level");
        int minutes = Json.integer(answer, "maxSessionMinutes");
        // The server cut maxSessionMinutes at closing time and at the card's end already; the controller only counts.
        Session started = new Session(sessionId, cardHash, at, at.plus(Duration.ofMinutes(minutes)),
                                      SessionEndReasons.TIME_LIMIT, false, level);
        SessionEnd swapped = start(started);
        notifyEnded(swapped);
        return new Decision(at, card, true, null, false, sessionId, level, minutes,
                            Json.optionalString(answer, "memberId"));
    }

    private Decision decideOffline(String cardHash, Instant at) {
        String card = CardHasher.FINGERPRINT_PREFIX + cardHash;
        OfflineRules.Verdict verdict;
        synchronized (lock) {
            verdict = OfflineRules.decide(held, card, at, lastTrainerIn);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("kind", OfflineQueue.DECISION);
        report.put("at", at.toString());
        report.put("cardHash", cardHash);
        report.put("decision", verdict.granted() ? "granted" : "denied");
        if (!verdict.granted()) {
            report.put("reason", verdict.reason());
            queue.add(report);
            return new Decision(at, card, false, verdict.reason(), true, null, null, null, null);
        }
        // Unique across every controller of every lab (session ids name aggregates), and within the server's pattern.
        String sessionId = "off-" + UUID.randomUUID();
        report.put("sessionId", sessionId);
        queue.add(report);
        String level = verdict.level().code();
        SessionEnd swapped = start(new Session(sessionId, cardHash, at, verdict.deadline(), verdict.deadlineReason(),
                                               true, level));
        notifyEnded(swapped);
        int minutes = (int) Duration.between(at, verdict.deadline()).toMinutes();
        return new Decision(at, card, true, null, true, sessionId, level, minutes, null);
    }

    /** Starts the session and queues its report; returns the end of the one it replaced, if one ran. */
    private SessionEnd start(Session started) {
        synchronized (lock) {
            SessionEnd swapped = session == null ? null : endSessionLocked(SessionEndReasons.FINISHED,
                                                                           started.startedAt());
            session = started;
            state.session(started);
            if ("trainer".equals(started.level())) {
                // A trainer let in on this machine supervises it: SUPERVISED entries may follow for the window.
                lastTrainerIn = started.startedAt();
            }
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("kind", OfflineQueue.SESSION_START);
            report.put("sessionId", started.sessionId());
            report.put("cardHash", started.cardHash());
            report.put("startedAt", started.startedAt().toString());
            report.put("decidedOffline", started.decidedOffline());
            queue.add(report);
            return swapped;
        }
    }

    // ---------------------------------------------------------------- sessions

    /** Ends the running session now, for this reason ({@code finished} when the member stops); empty if none runs. */
    public Optional<SessionEnd> stop(String reason) {
        SessionEnd ended;
        synchronized (lock) {
            ended = session == null ? null : endSessionLocked(SessionEndReasons.require(reason), now());
        }
        notifyEnded(ended);
        reportSoon();
        return Optional.ofNullable(ended);
    }

    /**
     * Ends the running session if its deadline has come, at the deadline (the machine was switched off then, however
     * late this check runs). Runs every second once started; tests call it after moving their clock.
     */
    public Optional<SessionEnd> tick() {
        SessionEnd ended = null;
        synchronized (lock) {
            if (session != null && !now().isBefore(session.deadline())) {
                ended = endSessionLocked(session.deadlineReason(), session.deadline());
            }
        }
        if (ended != null) {
            notifyEnded(ended);
            reportSoon();
        }
        return Optional.ofNullable(ended);
    }

    private SessionEnd endSessionLocked(String reason, Instant at) {
        Session ending = session;
        session = null;
        state.session(null);
        SessionEnd ended = new SessionEnd(ending.sessionId(), at, reason, ending.minutesUntil(at));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("kind", OfflineQueue.SESSION_END);
        report.put("sessionId", ended.sessionId());
        report.put("endedAt", at.toString());
        report.put("reason", reason);
        report.put("minutes", ended.minutes());
        queue.add(report);
        log.log(Level.INFO, "session {0} ended: {1} after {2} min", ended.sessionId(), reason, ended.minutes());
        return ended;
    }

    private void notifyEnded(SessionEnd ended) {
        if (ended != null) {
            endListeners.forEach(listener -> listener.accept(ended));
        }
    }

    // ---------------------------------------------------------------- the allowlist

    /**
     * Fetches the allowlist ({@code If-None-Match} with the ETag held) and, when the server sends a new one, verifies
     * it and holds it. Returns whether the server answered.
     */
    public boolean refreshAllowlist() {
        fetching.lock();
        try {
            String etag;
            synchronized (lock) {
                etag = held == null ? null : held.etag();
            }
            String[] headers = etag == null ? new String[0] : new String[] {"If-None-Match", etag};
            ServerClient.Reply reply = client.get(client.machinePath("/allowlist"), ServerClient.BACKGROUND_TIMEOUT,
                                                  headers);
            online = true;
            if (reply.status() == 200) {
                accept(reply.body().strip(), reply.header("ETag").orElse(null));
            } else if (reply.status() != 304) {
                log.log(Level.WARNING, "the allowlist answered {0}: {1}", reply.status(), reply.body());
            }
            return true;
        } catch (ServerClient.Unreachable e) {
            online = false;
            log.log(Level.DEBUG, "allowlist not fetched: {0}", e.getMessage());
            return false;
        } finally {
            fetching.unlock();
        }
    }

    /** A document from the server: held if it verifies and is not older than the one held, refused otherwise. */
    private void accept(String compact, String etag) {
        Allowlist signed;
        try {
            signed = verify(compact, true);
        } catch (Untrusted e) {
            synchronized (lock) {
                rejectedDocuments++;
                lastRejection = e.getMessage();
            }
            log.log(Level.WARNING, "refused an allowlist of {0}, keeping the one held: {1}", settings.machineId(),
                    e.getMessage());
            return;
        }
        SessionEnd revoked;
        synchronized (lock) {
            // An older document than the one held (a stale node, a replay) would bring back what was revoked since.
            if (held != null && signed.issuedAt().isBefore(held.signed().issuedAt())) {
                log.log(Level.WARNING, "ignored an allowlist issued at {0}, older than the one held", signed.issuedAt());
                return;
            }
            if (lab == null) {
                lab = signed.labId();
                state.lab(lab);
            }
            HeldAllowlist next = HeldAllowlist.of(compact, etag, signed)
                    .followedBy(held == null ? List.of() : held.changes());
            revoked = hold(next, Set.of());
        }
        notifyEnded(revoked);
        reportSoon();
    }

    /**
     * Holds {@code next}, and ends the running session if its card has gone: named in {@code removed}, or listed
     * before and not now (a revocation learnt from a fresh document after the stream was down).
     */
    private SessionEnd hold(HeldAllowlist next, Set<String> removed) {
        HeldAllowlist before = held;
        held = next;
        state.allowlist(next);
        if (session == null) {
            return null;
        }
        String card = session.fingerprint();
        boolean wasListed = before != null && before.current().entry(card).isPresent();
        if (removed.contains(card) || wasListed && next.current().entry(card).isEmpty()) {
            return endSessionLocked(SessionEndReasons.PERMISSION_REVOKED, now());
        }
        return null;
    }

    /** A pushed change, applied at once; a missed one (or none held) makes the controller fetch the document. */
    private void apply(AllowlistChange change) {
        if (!change.machineId().equals(settings.machineId())) {
            return;
        }
        SessionEnd revoked = null;
        boolean missed;
        synchronized (lock) {
            Optional<HeldAllowlist> next = held == null ? Optional.empty() : held.with(change);
            missed = next.isEmpty();
            if (!missed && next.get() != held) {
                Set<String> removed = change.removed().stream().map(AllowlistChange.Removal::card)
                        .collect(Collectors.toSet());
                revoked = hold(next.get(), removed);
            }
        }
        notifyEnded(revoked);
        if (missed) {
            refreshAllowlist();
        } else {
            // A change does not extend expiresAt; a document signed after it does. Off the stream's thread.
            later(this::refreshAllowlist);
        }
        reportSoon();
    }

    /**
     * The signature, the key, the machine and the lab, not the expiry: the verifier is given the earliest instant so
     * that an expired document is still held, and each offline decision compares its {@code expiresAt} with the clock
     * of that moment. The controller then says it refuses because its list expired, not because it has none.
     * {@code fetchKey}: whether a key it does not hold may be fetched (not for the stored document, read at
     * construction, when its key is stored beside it).
     */
    private Allowlist verify(String compact, boolean fetchKey) throws Untrusted {
        if (fetchKey) {
            fetchKeyNamedBy(compact);
        }
        LabKeys trusted;
        String pinned;
        synchronized (lock) {
            trusted = keys;
            pinned = lab;
        }
        Allowlist signed;
        try {
            signed = new AllowlistVerifier(trusted).verify(compact, settings.machineId(), Instant.MIN);
        } catch (AllowlistRejected e) {
            throw new Untrusted(e.reason().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
        }
        if (pinned != null && !pinned.equals(signed.labId())) {
            throw new Untrusted("other_lab: the allowlist is lab " + signed.labId() + "'s; this controller is lab "
                                + pinned + "'s");
        }
        String keyLab = labOfKey(keyIdOf(compact)).orElse(null);
        if (!signed.labId().equals(keyLab)) {
            throw new Untrusted("other_lab: the allowlist of lab " + signed.labId() + " is signed by a key of " + keyLab);
        }
        return signed;
    }

    /**
     * Fetches the key the document names when the controller does not hold it yet (first start, a key rotation). Only
     * from the configured server, only a key of its lab: the kid's path gives lab and key, and the controller asks its
     * own server for {@code /ob3/issuers/{lab}/keys/{key}/jwk}, whatever host the kid names (a controller often
     * reaches the server by another address than the public one the kid carries). The key is kept only if the server
     * publishes it under exactly that kid. Failing that, verification refuses the document as signed by an unknown
     * key.
     */
    private void fetchKeyNamedBy(String compact) {
        String kid = keyIdOf(compact);
        Optional<String> keyLab = labOfKey(kid);
        synchronized (lock) {
            if (kid == null || keys.find(kid).isPresent() || keyLab.isEmpty()
                || lab != null && !lab.equals(keyLab.get())) {
                return;
            }
        }
        Matcher path = KEY_PATH.matcher(URI.create(kid).getPath());
        if (!path.matches()) {
            return;
        }
        try {
            ServerClient.Reply jwk = client.get("/ob3/issuers/" + path.group(1) + "/keys/" + path.group(2) + "/jwk",
                                                ServerClient.BACKGROUND_TIMEOUT);
            if (jwk.status() != 200) {
                log.log(Level.WARNING, "the lab key {0} answered {1}", kid, jwk.status());
                return;
            }
            synchronized (lock) {
                LabKeys more = keys.withJwk(jwk.body());
                if (more.find(kid).isPresent()) {
                    keys = more;
                    state.addKey(kid, jwk.body());
                    log.log(Level.INFO, "holding the lab key {0}", kid);
                }
            }
        } catch (ServerClient.Unreachable | IllegalArgumentException e) {
            log.log(Level.WARNING, "cannot fetch the lab key {0}: {1}", kid, e.getMessage());
        }
    }

    private static String keyIdOf(String compact) {
        try {
            return JWSObject.parse(compact).getHeader().getKeyID();
        } catch (ParseException e) {
            return null;
        }
    }

    private static Optional<String> labOfKey(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        try {
            String path = URI.create(kid).getPath();
            Matcher matcher = KEY_PATH.matcher(path == null ? "" : path);
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A document or key the controller will not trust, and why ({@code bad_signature: …}, {@code other_lab: …}). */
    private static final class Untrusted extends Exception {

        private static final long serialVersionUID = 1L;

        Untrusted(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- back online

    /**
     * What a controller does when it may be back online: fetch the allowlist, compare clocks, upload the queue.
     * Returns what the upload did.
     */
    public Upload sync() {
        if (refreshAllowlist()) {
            checkClock();
        }
        return upload();
    }

    /**
     * Sends the queue, oldest first: the offline decisions (in batches of at most 1000), then the session starts and
     * ends in the order they happened. Each report leaves the queue once the server acknowledged it; the first
     * failure to reach the server stops the upload, which the next one resumes.
     */
    public Upload upload() {
        uploading.lock();
        try {
            List<OfflineQueue.Entry> entries = queue.entries();
            List<OfflineQueue.Entry> decisions = entries.stream()
                    .filter(entry -> entry.kind().equals(OfflineQueue.DECISION)).toList();
            Upload done = new Upload(0, 0, 0, 0, queue.size());
            for (int from = 0; from < decisions.size(); from += DECISIONS_PER_UPLOAD) {
                done = done.plus(uploadDecisions(decisions.subList(from, Math.min(decisions.size(),
                                                                                  from + DECISIONS_PER_UPLOAD))));
            }
            for (OfflineQueue.Entry entry : entries) {
                if (!entry.kind().equals(OfflineQueue.DECISION)) {
                    done = done.plus(uploadSessionReport(entry));
                }
            }
            return done;
        } catch (ServerClient.Unreachable e) {
            online = false;
            log.log(Level.INFO, "upload stopped, {0} reports kept: {1}", queue.size(), e.getMessage());
            return new Upload(0, 0, 0, 0, queue.size());
        } finally {
            uploading.unlock();
        }
    }

    private Upload uploadDecisions(List<OfflineQueue.Entry> batch) throws ServerClient.Unreachable {
        List<Map<String, Object>> decisions = new ArrayList<>(batch.size());
        for (OfflineQueue.Entry entry : batch) {
            Map<String, Object> decision = new LinkedHashMap<>(entry.report());
            decision.remove("kind");
            decisions.add(decision);
        }
        ServerClient.Reply reply = client.post(client.machinePath("/offline-decisions"), Map.of("decisions", decisions),
                                               ServerClient.BACKGROUND_TIMEOUT);
        online = true;
        if (reply.status() == 200) {
            batch.forEach(queue::remove);
            Map<String, Object> counts = reply.json();
            return new Upload(Json.integer(counts, "recorded"), Json.integer(counts, "duplicates"), 0, 0,
                              queue.size());
        }
        if (!refusedForGood(reply.status())) {
            throw new ServerClient.Unreachable("offline decisions answered " + reply.status() + ": " + reply.body(),
                                               null);
        }
        if (batch.size() == 1) {
            reject(batch.get(0), reply);
            return new Upload(0, 0, 0, 1, queue.size());
        }
        // One bad decision refuses the batch: send them one by one, so that only that one is set aside.
        Upload done = new Upload(0, 0, 0, 0, queue.size());
        for (OfflineQueue.Entry entry : batch) {
            done = done.plus(uploadDecisions(List.of(entry)));
        }
        return done;
    }

    private Upload uploadSessionReport(OfflineQueue.Entry entry) throws ServerClient.Unreachable {
        Map<String, Object> report = new LinkedHashMap<>(entry.report());
        report.remove("kind");
        ServerClient.Reply reply;
        if (entry.kind().equals(OfflineQueue.SESSION_START)) {
            reply = client.post(client.machinePath("/sessions"), report, ServerClient.BACKGROUND_TIMEOUT);
        } else {
            String sessionId = (String) report.remove("sessionId");
            reply = client.post(client.machinePath("/sessions/" + sessionId + "/end"), report,
                                ServerClient.BACKGROUND_TIMEOUT);
        }
        online = true;
        if (reply.status() / 100 == 2) {
            queue.remove(entry);
            return new Upload(0, 0, 1, 0, queue.size());
        }
        if (!refusedForGood(reply.status())) {
            throw new ServerClient.Unreachable(entry.kind() + " answered " + reply.status() + ": " + reply.body(),
                                               null);
        }
        reject(entry, reply);
        return new Upload(0, 0, 0, 1, queue.size());
    }

    /**
     * A 4xx that sending again cannot cure: the report itself is wrong for the server (a card nobody holds any more,
     * a time too far ahead, a session another controller reported differently). Not 401/403 (the key: fix it and
     * the queue goes), 408 or 429 (try later).
     */
    private static boolean refusedForGood(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    private void reject(OfflineQueue.Entry entry, ServerClient.Reply reply) {
        log.log(Level.WARNING, "the server refused queued report {0} ({1}), set aside: {2}", entry.sequence(),
                entry.kind(), reply.body());
        queue.reject(entry, reply.status() + " " + reply.body());
    }

    /** The server's clock against ours: reported in the status, warned about when far off. */
    private void checkClock() {
        try {
            ServerClient.Reply reply = client.get(client.machinePath("/time"), ServerClient.BACKGROUND_TIMEOUT);
            if (reply.status() == 200) {
                Duration skew = Duration.between(clock.instant(), Json.instant(reply.json(), "serverTime"));
                clockSkew = skew;
                if (skew.abs().compareTo(SKEW_WARNING) > 0) {
                    log.log(Level.WARNING, "this controller''s clock is {0} off the server''s: expiry and reported "
                                           + "times are by this clock", skew.negated());
                }
            }
        } catch (ServerClient.Unreachable e) {
            online = false;
        }
    }

    /** Uploads what waits, off the caller's thread once started (a member at the machine does not wait for it). */
    private void reportSoon() {
        if (!online || queue.size() == 0) {
            return;
        }
        if (background == null) {
            upload();
        } else {
            later(this::upload);
        }
    }

    private void later(Runnable task) {
        ScheduledExecutorService executor = background;
        if (executor == null || executor.isShutdown()) {
            task.run();
            return;
        }
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.log(Level.ERROR, "background task failed", e);
            }
        });
    }

    private void everySecond() {
        try {
            tick();
            stream.closeIfSilent();
        } catch (RuntimeException e) {
            log.log(Level.ERROR, "the controller's timer failed", e);
        }
    }

    /** While reports wait or the stream is down, try the server again (an upload, a fetch) on a timer. */
    private void retry() {
        try {
            if (queue.size() > 0) {
                upload();
            }
            if (!stream.connected()) {
                refreshAllowlist();
            }
        } catch (RuntimeException e) {
            log.log(Level.ERROR, "the controller's retry failed", e);
        }
    }

    // ---------------------------------------------------------------- what it knows

    /** The list offline decisions are taken from now: the verified document with the stream's changes since. */
    public Optional<Allowlist> allowlist() {
        synchronized (lock) {
            return Optional.ofNullable(held).map(HeldAllowlist::current);
        }
    }

    public Status status() {
        synchronized (lock) {
            Allowlist list = held == null ? null : held.current();
            boolean failsClosed = list == null || !now().isBefore(list.expiresAt());
            return new Status(online, stream != null && stream.connected(), lab,
                              list == null ? null : list.version(), list == null ? null : list.expiresAt(),
                              list == null ? null : list.entries().size(), failsClosed, session, queue.size(),
                              queue.rejectedCount(), rejectedDocuments, lastRejection, clockSkew);
        }
    }

    public ControllerSettings settings() {
        return settings;
    }

    /**
     * Stops the stream and the timers, and frees the state directory. The machine goes off with its controller: a
     * running session ends as a {@code fault}. What is queued is sent if the server is there, kept for the next start
     * otherwise.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stream != null) {
            stream.close();
        }
        if (background != null) {
            // An upload under way is let finish: interrupted, its reports would be acknowledged and still queued.
            background.shutdown();
            try {
                if (!background.awaitTermination(ServerClient.BACKGROUND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    background.shutdownNow();
                }
            } catch (InterruptedException e) {
                background.shutdownNow();
                Thread.currentThread().interrupt();
            }
            background = null;
        }
        SessionEnd cut;
        synchronized (lock) {
            cut = session == null ? null : endSessionLocked(SessionEndReasons.FAULT, now());
        }
        notifyEnded(cut);
        if (online && queue.size() > 0) {
            upload();
        }
        state.release();
    }

    /** The controller's time, to the millisecond: what it reports, and what the server stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The stream's events, handled on its thread. */
    private final class StreamListener implements AllowlistStream.Listener {

        @Override
        public void opened() {
            online = true;
            log.log(Level.INFO, "stream of {0} open", settings.machineId());
            // Back online: whatever was decided meanwhile goes now, not at the next retry.
            later(Controller.this::sync);
        }

        @Override
        public void event(String name, String data) {
            try {
                if (name.equals(CurrentAllowlist.EVENT)) {
                    CurrentAllowlist current = CurrentAllowlist.fromJson(data);
                    String etag;
                    synchronized (lock) {
                        etag = held == null ? null : held.etag();
                    }
                    if (!current.etag().equals(etag)) {
                        refreshAllowlist();
                    }
                } else if (name.equals(AllowlistChange.EVENT)) {
                    apply(AllowlistChange.fromJson(data));
                }
            } catch (IllegalArgumentException e) {
                log.log(Level.WARNING, "ignored a malformed {0} event: {1}", name, e.getMessage());
            }
        }

        @Override
        public void lost(String why) {
            log.log(Level.INFO, "stream of {0} lost: {1}", settings.machineId(), why);
        }
    }
}
