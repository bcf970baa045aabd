package org.makerspace.projections.award;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RecordAward;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * The award decisions and the award read model fed as the application feeds them, for tests of this and other
 * packages: each event goes to the decisions; a {@code RecordAward} they send becomes the ledger's
 * {@code AchievementAwarded} or {@code AwardRedated} under the member record's rule ({@link MemberRecords}), which
 * then reaches the decisions, the read model and any follower (issuance), in stream order.
 */
public final class AwardDriver {

    private final AwardDecisions decisions;
    private final AwardProjection awards;
    private final List<Consumer<Object>> followers = new ArrayList<>();
    private final MemberRecords records = new MemberRecords();
    private final Deque<Object> recorded = new ArrayDeque<>();
    private final List<RecordAward> requests = new ArrayList<>();
    private final RowCollection<MemberFacts> decisionRows;
    private boolean crashAfterNextRecord;
    private int events;

    public AwardDriver(LedgerStorage storage) {
        this.decisions = new AwardDecisions(storage, this::record);
        this.awards = new AwardProjection(storage);
        this.decisionRows = new RowCollection<>(storage, AwardDecisions.FACTS, MemberFacts.class, MemberFacts::id);
    }

    /**
     * Also tells every award event the ledger records ({@code AchievementAwarded}, {@code AwardRedated}) to
     * {@code follower}, after the read model.
     */
    public AwardDriver following(Consumer<Object> follower) {
        followers.add(follower);
        return this;
    }

    public AwardProjection awards() {
        return awards;
    }

    AwardDecisions decisions() {
        return decisions;
    }

    /** Every {@code RecordAward} the decisions sent, including those the ledger ignored. */
    public List<RecordAward> requests() {
        return List.copyOf(requests);
    }

    public void define(AchievementDefined event) {
        define(event, "defined-" + event.achievementId());
    }

    public void define(AchievementDefined event, String eventId) {
        decisions.on(event, eventId);
        deliverRecorded();
    }

    public void revise(AchievementRevised event, String eventId) {
        decisions.on(event, eventId);
        deliverRecorded();
    }

    public void retire(AchievementRetired event) {
        decisions.on(event);
    }

    /** Applies a lab, member or session event under a generated event id; events the decisions do not read change nothing. */
    public void apply(Object event) {
        apply(event, "event-" + ++events);
    }

    public void apply(Object event, String eventId) {
        if (event instanceof TrainingCompleted training) {
            decisions.on(training, eventId);
        } else if (event instanceof MachineCertificationGranted granted) {
            decisions.on(granted, eventId);
        } else if (event instanceof WorkshopContributionRecorded contribution) {
            decisions.on(contribution, eventId);
        } else if (event instanceof MachineRegistered machine) {
            decisions.on(machine);
        } else if (event instanceof MachineCertificationSuspended suspended) {
            decisions.on(suspended);
        } else if (event instanceof MachineCertificationReinstated reinstated) {
            decisions.on(reinstated, eventId);
        } else if (event instanceof MachineCertificationRevoked revoked) {
            decisions.on(revoked);
        } else if (event instanceof TrainingRecordRetracted retracted) {
            decisions.on(retracted);
        } else if (event instanceof WorkshopContributionRetracted retracted) {
            decisions.on(retracted);
        } else if (event instanceof MachineSessionStarted session) {
            decisions.on(session, eventId);
        }
        deliverRecorded();
    }

    /** The next award is stored in the ledger, then the process dies before the decisions go on. */
    void crashAfterNextRecord() {
        crashAfterNextRecord = true;
    }

    /** Forgets that the member holds the achievement, in the ledger and in the decisions: as if never decided. */
    void forgetAward(MemberId member, AchievementId achievement) {
        records.forget(member.value(), achievement.value());
        MemberFacts row = decisionRows.find(member.value()).orElseThrow();
        List<MemberFacts.Held> kept = new ArrayList<>(row.held());
        kept.removeIf(held -> held.achievementId().equals(achievement));
        decisionRows.save(new MemberFacts(row.memberId(), row.trainings(), row.certifications(), row.contributions(),
                                          kept));
    }

    /** Runs the reconciliation, as after a start; what it recorded reaches the processors. */
    List<RecordAward> reconcile() {
        List<RecordAward> reconciled = new AwardReconciliation(decisions, this::record).reconcile();
        deliverRecorded();
        return reconciled;
    }

    /** The member record's rule: an achievement once per member; a second request records nothing. */
    void record(RecordAward award) {
        requests.add(award);
        records.record(award).ifPresent(recorded::add);
        if (crashAfterNextRecord) {
            crashAfterNextRecord = false;
            throw new IllegalStateException("simulated crash after the ledger stored " + award.awardId());
        }
    }

    /** The ledger's new awards reach the processors after the event that decided them, as the stream has it. */
    private void deliverRecorded() {
        for (Object event = recorded.poll(); event != null; event = recorded.poll()) {
            if (event instanceof AchievementAwarded award) {
                decisions.on(award);
                awards.on(award);
            } else {
                decisions.on((AwardRedated) event);
                awards.on((AwardRedated) event);
            }
            for (Consumer<Object> follower : followers) {
                follower.accept(event);
            }
        }
    }
}
