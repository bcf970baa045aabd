package org.makerspace.api.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.demo.DemoHistory.Chapter;
import org.makerspace.api.demo.DemoHistory.DemoLearner;
import org.makerspace.api.demo.DemoHistory.DemoTrainer;
import org.makerspace.api.demo.DemoHistory.Step;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.security.Accounts;
import org.makerspace.api.security.Caller;
import org.makerspace.api.security.Role;
import org.makerspace.ledger.member.api.LinkMemberCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Seeds the demo lab at start when {@code ledger.demo.enabled} and the ledger is empty: the {@link DemoHistory} is
 * sent through {@link LedgerCommands} as a system caller, personal data goes to the {@link MemberDirectory}, cards are
 * fingerprinted as the API does, and demo accounts are created through {@link Accounts}. A ledger that holds anything
 * is left alone, so enabling the demo on a real instance changes nothing.
 */
@Component
@ConditionalOnProperty(prefix = "ledger.demo", name = "enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    /** Who the demo's facts are recorded by, in every event's metadata. */
    static final Caller SEEDER = new Caller("system:demo-data", EnumSet.of(Role.PLATFORM_ADMIN), null, null, null, null);

    private static final int LEARNERS_SIDE_BY_SIDE = 4;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final LedgerCommands commands;
    private final MemberDirectory directory;
    private final CardFingerprints fingerprints;
    private final Accounts accounts;
    private final EventStore eventStore;
    private final DemoProperties properties;

    DemoData(LedgerCommands commands, MemberDirectory directory, CardFingerprints fingerprints, Accounts accounts,
             EventStore eventStore, DemoProperties properties) {
        this.commands = commands;
        this.directory = directory;
        this.fingerprints = fingerprints;
        this.accounts = accounts;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Seeds the demo lab if the ledger is empty; answers whether it did. */
    boolean seedIfEmpty() {
        if (!ledgerIsEmpty()) {
            log.info("ledger.demo.enabled is set but the ledger already holds data: no demo data added");
            return false;
        }
        long started = System.nanoTime();
        DemoHistory history = DemoHistory.generate();
        replay(history.chapters());
        String password = properties.passwordConfigured() ? properties.password() : randomPassword();
        String accountList = createAccounts(history, password);
        log.warn("""

                         ==== DEMO DATA — do not use in production ====
                         Seeded lab {} ({}) as of {}: {} machines, {} trainers, {} members, in {} ms.
                         Demo accounts, all with the password {}:
                         {}
                         A machine key: log in as {} and POST /api/labs/{}/machines/<machineId>/keys.
                         ==============================================""",
                 DemoHistory.LAB, DemoHistory.LAB_NAME, DemoHistory.AS_OF, DemoHistory.machineCount(),
                 DemoHistory.TRAINERS.size(), DemoHistory.memberCount(),
                 Duration.ofNanos(System.nanoTime() - started).toMillis(),
                 properties.passwordConfigured() ? "set in ledger.demo.password" : "'" + password + "'",
                 accountList, DemoHistory.ADMIN_ACCOUNT, DemoHistory.LAB);
        return true;
    }

    /**
     * Whether the ledger has never recorded an event. A lab is the first thing any ledger records (machines, members
     * and badges all belong to one), so this means "no lab registered"; it is asked of the event store itself, not of
     * a read model that may still be catching up at start.
     */
    private boolean ledgerIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().orElse(0) <= 0;
    }

    /**
     * Replays chapter after chapter, each in its own order. Learners' chapters run a few side by side: each touches
     * one member only, and concurrent appends share the store's flush to disk, which is most of the cost of one. The
     * facts are the same at every run; only how two learners' facts interleave in the ledger may differ, as it would
     * with two trainers typing at once.
     */
    private void replay(List<Chapter> chapters) {
        ExecutorService pool = Executors.newFixedThreadPool(LEARNERS_SIDE_BY_SIDE, runnable -> {
            Thread thread = new Thread(runnable, "demo-data");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Chapter> learners = new ArrayList<>();
            for (Chapter chapter : chapters) {
                if (chapter.oneLearner()) {
                    learners.add(chapter);
                    continue;
                }
                replaySideBySide(learners, pool);
                learners.clear();
                chapter.steps().forEach(this::replay);
            }
            replaySideBySide(learners, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private void replaySideBySide(List<Chapter> chapters, ExecutorService pool) {
        List<Future<?>> running = new ArrayList<>();
        for (Chapter chapter : chapters) {
            running.add(pool.submit(() -> chapter.steps().forEach(this::replay)));
        }
        for (Future<?> chapter : running) {
            try {
                chapter.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("demo data could not be recorded: " + e.getCause().getMessage(),
                                                e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording the demo data", e);
            }
        }
    }

    private void replay(Step step) {
        if (step instanceof Step.Send send) {
            commands.send(send.command(), SEEDER);
        } else if (step instanceof Step.Profile profile) {
            directory.save(profile.profile());
        } else if (step instanceof Step.Card card) {
            String fingerprint = fingerprints.of(DemoHistory.LAB.toString(), card.cardUid());
            commands.send(new LinkMemberCard(card.memberId(), fingerprint, card.linkedAt()), SEEDER);
        }
    }

    /** Creates the demo accounts; answers one line per account for the log. */
    private String createAccounts(DemoHistory history, String password) {
        String lab = DemoHistory.LAB.toString();
        StringBuilder lines = new StringBuilder();
        create(DemoHistory.ADMIN_ACCOUNT, Role.LAB_ADMIN, null, null, password);
        lines.append(line(DemoHistory.ADMIN_ACCOUNT, "LAB_ADMIN of " + lab));
        for (DemoTrainer trainer : DemoHistory.TRAINERS) {
            create(trainer.account(), Role.TRAINER, trainer.trainerId().toString(), null, password);
            String types = trainer.qualifications().stream().map(Object::toString).collect(Collectors.joining(", "));
            lines.append(line(trainer.account(), "TRAINER " + trainer.trainerId() + " (" + types + ")"));
        }
        for (DemoLearner learner : history.learners()) {
            create(learner.account(), Role.LEARNER, null, learner.memberId().toString(), password);
            lines.append(line(learner.account(), "LEARNER " + learner.memberId() + " (" + learner.displayName() + ", born "
                                                 + learner.birthYear() + "), card " + learner.cardUid()));
        }
        return lines.toString().stripTrailing();
    }

    private void create(String username, Role role, String trainerId, String memberId, String password) {
        try {
            accounts.create(SEEDER, username, EnumSet.of(role), DemoHistory.LAB.toString(), trainerId, memberId,
                            password);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() != HttpStatus.CONFLICT.value()) {
                throw e;
            }
            log.warn("Demo account '{}' exists already: left as it is, with its own password", username);
        }
    }

    private static String line(String account, String what) {
        return String.format("  %-16s %s%n", account, what);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
