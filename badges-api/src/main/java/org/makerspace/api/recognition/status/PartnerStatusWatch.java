package org.makerspace.api.recognition.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.openbadges.verify.NetworkVerifier;
import org.makerspace.api.security.Caller;
import org.makerspace.api.security.Role;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.recognition.api.RecordIssuerStatus;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.credential.ob3.StatusReason;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.recognition.ImportedCredential;
import org.makerspace.projections.recognition.ImportedCredentialsProjection;
import org.makerspace.projections.recognition.ImportedCredentialsProjection.Followed;
import org.makerspace.projections.trust.FindPartnerIssuer;
import org.makerspace.projections.trust.TrustedPartnersProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads again, every {@link PartnerStatusProperties#statusRefresh()}, the status lists of the partner credentials our
 * members imported, with the same rules as a verification ({@link NetworkVerifier#status}), and records in the ledger
 * what changed: revoked or suspended at the issuer, a suspension lifted, or the issuer out of reach for longer than
 * {@link PartnerStatusProperties#unreachableGrace()} (and back). Machine access, the allowlists pushed to controllers and
 * the passport follow from the events.
 *
 * <p>Each list is fetched at most once a round however many credentials it holds, and as its host's cache headers
 * allow. Several nodes may each run this: recording a status the ledger has already records nothing.
 */
@Component
public class PartnerStatusWatch implements DisposableBean {

    /** Who records what the issuers say, in the events' metadata: the application itself, never a person. */
    static final Caller WATCHER = new Caller("system:partner-status", EnumSet.of(Role.PLATFORM_ADMIN), null, null,
                                             null, null);
    static final String READS_METRIC = "ledger.partner.status.reads";
    private static final Logger log = LoggerFactory.getLogger(PartnerStatusWatch.class);

    private final ImportedCredentialsProjection imports;
    private final TrustedPartnersProjection trust;
    private final NetworkVerifier verifier;
    private final LedgerCommands commands;
    private final LastReadings readings;
    private final PartnerStatusProperties properties;
    private final Clock clock;
    private final Map<String, Counter> reads = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "partner-status");
        thread.setDaemon(true);
        return thread;
    });

    PartnerStatusWatch(ImportedCredentialsProjection imports, TrustedPartnersProjection trust,
                       NetworkVerifier verifier, LedgerCommands commands, LedgerStorage storage,
                       PartnerStatusProperties properties, Clock clock, MeterRegistry meters) {
        this.imports = imports;
        this.trust = trust;
        this.verifier = verifier;
        this.commands = commands;
        this.readings = new LastReadings(storage);
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Starts the rounds once the application serves: the first one a refresh after the start. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.statusRefresh().toMillis();
        rounds.scheduleWithFixedDelay(this::roundSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("Reading the partners' status lists failed; the next round tries again", e);
        }
    }

    /** One round: every followed credential of a trusted issuer, read and recorded if what it says changed. */
    public void round() {
        Instant now = clock.instant();
        for (Followed followed : imports.followedAt(now)) {
            ImportedCredential credential = followed.credential();
            if (!trust.find(new FindPartnerIssuer(credential.issuerId())).trusted()) {
                continue; // no lab of ours recognises it any more: nothing to follow it for
            }
            follow(followed.memberId().value(), credential, now);
        }
    }

    private void follow(String memberId, ImportedCredential credential, Instant now) {
        VerificationHook.Outcome outcome = verifier.status(credential.issuerId(), credential.statusEntries(), now);
        IssuerStatus said = said(outcome);
        count(said == null ? "unavailable" : said.name().toLowerCase(Locale.ROOT));
        Instant lastRead;
        IssuerStatus status;
        if (said != null) {
            readings.read(memberId, credential.credentialId(), now);
            lastRead = now;
            status = said;
        } else {
            lastRead = readings.of(memberId, credential.credentialId()).orElseGet(() -> lastKnownRead(credential));
            boolean overdue = Duration.between(lastRead, now).compareTo(properties.unreachableGrace()) > 0;
            // an issuer out of reach changes nothing it said against the credential; it only stops vouching for it
            status = overdue && credential.issuerStatus() == IssuerStatus.ACTIVE ? IssuerStatus.UNREACHABLE
                                                                                 : credential.issuerStatus();
            if (!overdue) {
                log.debug("Status of {} not read ({}); within the grace period", credential.credentialId(),
                          outcome.detail());
            }
        }
        if (status != credential.issuerStatus()) {
            record(memberId, credential, status, now, lastRead, outcome);
        }
    }

    private void record(String memberId, ImportedCredential credential, IssuerStatus status, Instant now,
                        Instant lastRead, VerificationHook.Outcome outcome) {
        try {
            commands.send(new RecordIssuerStatus(MemberId.of(memberId), credential.credentialId(), status, now,
                                                 lastRead), WATCHER);
            log.info("Imported credential {} of member {}: {} at its issuer ({})", credential.credentialId(), memberId,
                     status, outcome.detail());
        } catch (RuntimeException refused) {
            // a refusal (the credential is unknown to the record) or the ledger out of reach: the next round retries
            log.warn("Could not record the issuer's status of {}: {}", credential.credentialId(),
                     refused.getMessage());
        }
    }

    /**
     * What the lists said, or null when they could not be read or believed (out of reach, a bad proof, not one of the
     * issuer's): then the credential keeps its status until the grace period ends.
     */
    private static IssuerStatus said(VerificationHook.Outcome outcome) {
        String reason = outcome.reason();
        if (StatusReason.REVOKED.equals(reason)) {
            return IssuerStatus.REVOKED;
        }
        if (StatusReason.SUSPENDED.equals(reason)) {
            return IssuerStatus.SUSPENDED;
        }
        return outcome.ok() ? IssuerStatus.ACTIVE : null;
    }

    /** Without a reading kept: the last time the ledger shows the lists were read, else the import. */
    private static Instant lastKnownRead(ImportedCredential credential) {
        if (credential.lastConfirmedAt() != null) {
            return credential.lastConfirmedAt();
        }
        return credential.issuerStatusSince() != null ? credential.issuerStatusSince() : credential.importedAt();
    }

    private void count(String outcome) {
        reads.computeIfAbsent(outcome, key -> Counter.builder(READS_METRIC)
                .description("Status readings of imported partner credentials, by what the issuer said")
                .tag("outcome", key).register(meters)).increment();
    }

    @Override
    public void destroy() {
        rounds.shutdownNow();
    }
}
