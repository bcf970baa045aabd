package org.makerspace.api.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;
import org.makerspace.machine.protocol.AllowlistJws;
import org.makerspace.machine.protocol.Level;
import org.makerspace.machine.protocol.OpeningHours;
import org.makerspace.projections.access.AccessModel;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.CardAllowlists;
import org.makerspace.projections.access.CardAllowlists.CardEntry;
import org.makerspace.projections.access.CardAllowlists.MachineCards;
import org.makerspace.projections.access.LabPolicy;
import org.makerspace.projections.access.MachineState;
import org.makerspace.projections.access.MemberAccess;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeyException;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Each machine's allowlist as last published: its cards, its settings, its version, and the signed document, kept
 * per machine from the first time its controller asks. Changes reach it three ways, all through {@link #refresh}:
 * the access projection's changes (handed off to this class's own thread, since the listener runs on the event
 * processor's), a timer set for the next entry's end, and a request that finds the published state past that end.
 * Whichever comes first computes the difference, raises the version and pushes the change to the machine's streams;
 * the others find nothing left to do. So a change is pushed once, whatever the timing.
 *
 * <p>Signing is lazy: a request (or a stream opening) signs when the cached document is of an older version or older
 * than {@link AllowlistProperties#resignAfter a share} of the machine's max offline age; polling costs a comparison.
 * The projection's changes of a member are diffed for that member only; changes of a machine or a lab recompute the
 * machine's whole list, in memory.
 *
 * <p>Each machine's state is guarded by its own monitor: a push happens under it, so a stream never sees changes out
 * of order nor misses one between its first event and the next.
 */
@Component
public class MachineAllowlists implements DisposableBean {

    public static final String SIGNED_METRIC = "ledger.access.allowlists.signed";
    private static final Logger log = LoggerFactory.getLogger(MachineAllowlists.class);

    private final CardAllowlists cards;
    private final IssuerKeys keys;
    private final PublicUrls urls;
    private final MachineProperties machines;
    private final AllowlistProperties properties;
    private final MachineStreams streams;
    private final Clock clock;
    private final Counter signatures;
    private final ScheduledExecutorService executor;
    private final ConcurrentMap<MachineId, Published> published = new ConcurrentHashMap<>();

    MachineAllowlists(AccessProjection access, IssuerKeys keys, PublicUrls urls, MachineProperties machines,
                      AllowlistProperties properties, MachineStreams streams, Clock clock, MeterRegistry registry) {
        this.cards = new CardAllowlists(access.model());
        this.keys = keys;
        this.urls = urls;
        this.machines = machines;
        this.properties = properties;
        this.streams = streams;
        this.clock = clock;
        this.signatures = Counter.builder(SIGNED_METRIC)
                .description("Allowlists signed: on a change or when the cached one grew old, never per request")
                .register(registry);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "machine-allowlists");
            thread.setDaemon(true);
            return thread;
        });
        access.addListener(changes -> executor.execute(() -> guarded("apply access changes", () -> changed(changes))));
        long heartbeat = properties.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(() -> guarded("heartbeat", this::tick), heartbeat, heartbeat,
                                        TimeUnit.MILLISECONDS);
    }

    /** The machine's current signed allowlist; empty for a machine the access model does not know. */
    public Optional<SignedAllowlist> current(MachineId machineId) {
        Published state = published.computeIfAbsent(machineId, Published::new);
        synchronized (state) {
            return signedNow(state);
        }
    }

    /** A stream of the machine, opening with its current signed allowlist; empty for an unknown machine. */
    public Optional<SseEmitter> open(MachineId machineId) {
        Published state = published.computeIfAbsent(machineId, Published::new);
        synchronized (state) {
            return signedNow(state).map(signed -> streams.open(machineId, signed.notice()));
        }
    }

    private Optional<SignedAllowlist> signedNow(Published state) {
        Instant now = clock.instant();
        if (!state.initialised() || state.nextEnd != null && !now.isBefore(state.nextEnd)) {
            refresh(state, null, now);
        }
        if (!state.initialised()) {
            published.remove(state.machineId, state);
            return Optional.empty();
        }
        if (state.signed == null || state.signed.version() != state.version || isOld(state.signed, state, now)) {
            state.signed = sign(state, now);
        }
        return Optional.of(state.signed);
    }

    private boolean isOld(SignedAllowlist signed, Published state, Instant now) {
        Duration age = Duration.between(signed.issuedAt(), now);
        return age.compareTo(properties.resignAfter(machines.maxOfflineAge().of(state.settings.risk()))) >= 0;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Which published machines the changed rows can touch: a machine's own row or its lab's policy change the whole
     * list (settings, recognitions); a member's row changes that member's entries on any machine (a partner's
     * credential may open another lab's machines).
     */
    private void changed(AccessModel.Changes changes) {
        Set<MachineId> wholeMachines = new HashSet<>();
        for (MachineState machine : changes.machines()) {
            wholeMachines.add(machine.machineId());
        }
        Set<LabId> wholeLabs = new HashSet<>();
        for (LabPolicy lab : changes.labs()) {
            wholeLabs.add(lab.labId());
        }
        Set<MemberId> members = new HashSet<>();
        for (MemberAccess member : changes.members()) {
            members.add(member.memberId());
        }
        Instant now = clock.instant();
        for (Published state : published.values()) {
            guarded("refresh the allowlist of " + state.machineId, () -> {
                synchronized (state) {
                    if (!state.initialised()) {
                        return; // its first request computes it whole, this change included
                    }
                    if (wholeMachines.contains(state.machineId) || wholeLabs.contains(state.settings.labId())) {
                        refresh(state, null, now);
                    } else if (!members.isEmpty()) {
                        refresh(state, members, now);
                    }
                }
            });
        }
    }

    /** The heartbeat, and a fresher signature for the streamed machines whose document grew old. */
    private void tick() {
        Instant now = clock.instant();
        for (MachineId machineId : streams.machines()) {
            Published state = published.get(machineId);
            if (state == null || !streams.hasStreams(machineId)) {
                continue;
            }
            guarded("sign the allowlist of " + machineId + " afresh", () -> {
                synchronized (state) {
                    if (state.signed != null && state.initialised() && isOld(state.signed, state, now)) {
                        state.signed = sign(state, now);
                        streams.announce(machineId, state.signed.notice());
                    }
                }
            });
        }
        streams.heartbeat();
    }

    private void expire(Published state) {
        synchronized (state) {
            state.timer = null;
            refresh(state, null, clock.instant());
        }
    }

    /**
     * Brings the machine's state to the model at {@code now}: all of it ({@code members} null), or only the entries of
     * these members (and any that ended by now). A difference raises the version and is pushed; then the timer is set
     * for the next end. Called under the state's monitor.
     */
    private void refresh(Published state, Set<MemberId> members, Instant now) {
        Optional<Settings> settings;
        Map<String, CardEntry> entries = new TreeMap<>();
        if (members == null || !state.initialised()) {
            Optional<MachineCards> machine = cards.of(state.machineId, now);
            settings = machine.map(Settings::of);
            machine.ifPresent(found -> found.entries().forEach(entry -> entries.put(entry.card(), entry)));
        } else {
            settings = Optional.of(state.settings);
            for (CardEntry entry : state.entries.values()) {
                if (!members.contains(entry.memberId()) && holdsAt(entry, now)) {
                    entries.put(entry.card(), entry);
                }
            }
            for (MemberId member : members) {
                cards.entriesOf(member, state.machineId, now).forEach(entry -> entries.put(entry.card(), entry));
            }
        }
        if (settings.isEmpty()) {
            return; // not in the model (yet, or during a replay): nothing to publish
        }
        if (!state.initialised()) {
            state.publish(settings.get(), entries, clock.millis());
        } else {
            AllowlistChange change = difference(state, settings.get(), entries, now);
            if (change != null) {
                state.publish(settings.get(), entries, change.version());
                streams.push(state.machineId, change);
            }
        }
        schedule(state, now);
    }

    /** What went from the published state to this one, under the next version; null when nothing did. */
    private AllowlistChange difference(Published state, Settings settings, Map<String, CardEntry> entries,
                                       Instant now) {
        List<AllowlistChange.Removal> removed = new ArrayList<>();
        for (String card : state.entries.keySet()) {
            if (!entries.containsKey(card)) {
                removed.add(new AllowlistChange.Removal(card, cards.whyNotListed(card, state.machineId, now).code()));
            }
        }
        List<Allowlist.Entry> added = new ArrayList<>();
        for (CardEntry entry : entries.values()) {
            if (!entry.equals(state.entries.get(entry.card()))) {
                added.add(toProtocol(entry));
            }
        }
        if (removed.isEmpty() && added.isEmpty() && settings.equals(state.settings)) {
            return null;
        }
        long version = Math.max(state.version + 1, clock.millis());
        return new AllowlistChange(state.machineId.value(), version, state.version, settings.inService(),
                                   settings.maxSessionMinutes(), toProtocol(settings.openingHours()), removed, added);
    }

    /** A timer at the next entry's end, so that an expiry is pushed when it happens, not at the next request. */
    private void schedule(Published state, Instant now) {
        Instant next = null;
        for (CardEntry entry : state.entries.values()) {
            if (entry.validUntil() != null && (next == null || entry.validUntil().isBefore(next))) {
                next = entry.validUntil();
            }
        }
        if (Objects.equals(next, state.nextEnd) && (next == null || state.timer != null)) {
            return;
        }
        if (state.timer != null) {
            state.timer.cancel(false);
            state.timer = null;
        }
        state.nextEnd = next;
        if (next != null) {
            long delay = Math.max(0, Duration.between(now, next).toMillis()) + 1;
            state.timer = executor.schedule(() -> guarded("expire entries", () -> expire(state)), delay,
                                            TimeUnit.MILLISECONDS);
        }
    }

    private static boolean holdsAt(CardEntry entry, Instant at) {
        return entry.validUntil() == null || at.isBefore(entry.validUntil());
    }

    // ---------------------------------------------------------------- signing

    private SignedAllowlist sign(Published state, Instant now) {
        Settings settings = state.settings;
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(machines.maxOfflineAge().of(settings.risk()));
        List<Allowlist.Entry> entries = state.entries.values().stream().map(MachineAllowlists::toProtocol).toList();
        Allowlist allowlist = new Allowlist(settings.labId().value(), state.machineId.value(), state.version, issuedAt,
                                            expiresAt, settings.inService(), settings.maxSessionMinutes(),
                                            (int) machines.supervisionWindow().toMinutes(),
                                            toProtocol(settings.openingHours()), entries);
        IssuerSigningKey key;
        try {
            key = keys.signingKeyAt(settings.labId(), now);
        } catch (IssuerKeyException e) {
            throw new AllowlistUnavailable("lab " + settings.labId() + " has no signing key yet; retry in a moment", e);
        }
        String compact = AllowlistJws.sign(allowlist, key.verificationMethod(urls), key.signingKey()::sign);
        signatures.increment();
        return new SignedAllowlist(settings.labId().value(), state.machineId.value(), state.version, issuedAt,
                                   expiresAt, entries.size(), compact, etagOf(compact));
    }

    private static String etagOf(String compact) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(compact.getBytes(StandardCharsets.US_ASCII));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Allowlist.Entry toProtocol(CardEntry entry) {
        return new Allowlist.Entry(entry.card(), Level.valueOf(entry.level().name()), entry.validUntil());
    }

    private static OpeningHours toProtocol(org.makerspace.ledger.lab.api.OpeningHours hours) {
        if (hours == null) {
            return null;
        }
        return new OpeningHours(hours.zone(), hours.periods().stream()
                .map(period -> new OpeningHours.Period(period.day(), period.opens(), period.closes()))
                .toList());
    }

    /** Work on this class's thread must not die of one failure: the next change or tick would never run. */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Machine allowlists: failed to {}", what, e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- state

    /** What the document says besides its entries. */
    private record Settings(LabId labId, boolean inService, int maxSessionMinutes, RiskLevel risk,
                            org.makerspace.ledger.lab.api.OpeningHours openingHours) {

        static Settings of(MachineCards machine) {
            MachineState state = machine.machine();
            return new Settings(state.labId(), state.inService(), state.maxSessionMinutes(), state.risk(),
                                machine.openingHours());
        }
    }

    /** One machine's published allowlist; every field is read and written under the object's monitor. */
    private static final class Published {

        final MachineId machineId;
        Settings settings;
        Map<String, CardEntry> entries = Map.of();
        long version;
        SignedAllowlist signed;
        Instant nextEnd;
        ScheduledFuture<?> timer;

        Published(MachineId machineId) {
            this.machineId = machineId;
        }

        boolean initialised() {
            return settings != null;
        }

        void publish(Settings newSettings, Map<String, CardEntry> newEntries, long newVersion) {
            settings = newSettings;
            entries = newEntries;
            version = newVersion;
        }
    }
}
