package org.makerspace.projections.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Keeps the {@link AccessModel} from the ledger's events and decides from it. Each event's changed rows are written
 * to MongoDB first and then committed to the model, so that a failed write leaves both as they were and the retried
 * event makes the same change. The constructor loads the documents back after a restart, without a replay.
 *
 * <p>Handlers are serialised on this object (the model's changes need one writer); decisions are not.
 */
@ProcessingGroup(AccessProjection.PROCESSING_GROUP)
public class AccessProjection {

    public static final String PROCESSING_GROUP = "access";
    public static final String DECISIONS_METRIC = "ledger.access.decisions";
    public static final Duration DEFAULT_SUPERVISION_WINDOW = Duration.ofMinutes(15);
    static final String MACHINES = "access_machines";
    static final String MEMBERS = "access_members";
    static final String LABS = "access_labs";

    private final RowCollection<MachineState> machineRows;
    private final RowCollection<MemberAccess> memberRows;
    private final RowCollection<LabPolicy> labRows;
    private final AccessModel model;
    private final Counter granted;
    private final Map<DenialReason, Counter> denied = new EnumMap<>(DenialReason.class);
    private final List<AccessChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration supervisionWindow;
    /** The model a replay builds while the live one keeps answering; null when no replay runs. */
    private AccessModel rebuilding;
    private boolean replaying;

    public AccessProjection(LedgerStorage storage, MeterRegistry meterRegistry) {
        this(storage, meterRegistry, DEFAULT_SUPERVISION_WINDOW);
    }

    public AccessProjection(LedgerStorage storage, MeterRegistry meterRegistry, Duration supervisionWindow) {
        this.machineRows = new RowCollection<>(storage, MACHINES, MachineState.class, MachineState::id);
        this.memberRows = new RowCollection<>(storage, MEMBERS, MemberAccess.class, MemberAccess::id);
        this.labRows = new RowCollection<>(storage, LABS, LabPolicy.class, LabPolicy::id);
        this.supervisionWindow = supervisionWindow;
        this.model = new AccessModel(supervisionWindow);
        this.granted = decisionCounter(meterRegistry, "granted", "none");
        for (DenialReason reason : DenialReason.values()) {
            denied.put(reason, decisionCounter(meterRegistry, "denied", reason.code()));
        }
        load();
    }

    private static Counter decisionCounter(MeterRegistry registry, String decision, String reason) {
        return Counter.builder(DECISIONS_METRIC)
                .description("Machine access decisions by outcome and reason")
                .tag("decision", decision)
                .tag("reason", reason)
                .register(registry);
    }

    /** Replaces the in-memory state with the stored documents: a scan, at startup. */
    public synchronized void load() {
        model.load(machineRows.findAll(), memberRows.findAll(), labRows.findAll());
    }

    /** Tells {@code listener} of every change, after it is stored, on the thread that handled the event. */
    public void addListener(AccessChangeListener listener) {
        listeners.add(listener);
    }

    /** The model decisions are read from, for views that need more than one decision (allowlists, streams). */
    public AccessModel model() {
        return model;
    }

    // ---------------------------------------------------------------- decisions

    /** Whether the subject may use the machine at {@code now}; thread-safe, answered from memory. */
    public AccessDecision decide(MachineId machineId, AccessSubject subject, Instant now) {
        AccessDecision decision = model.decide(machineId, subject, now);
        (decision.granted() ? granted : denied.get(decision.reason())).increment();
        return decision;
    }

    /** Who may use the machine at the asked time, from memory; null for an unknown machine. */
    @QueryHandler
    public MachineAccessList find(FindMachineAccessList query) {
        return model.accessList(query.machineId(), query.at());
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    synchronized void on(MachineRegistered event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachinePutOutOfService event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineReturnedToService event) {
        store(event);
    }

    @EventHandler
    synchronized void on(OpeningHoursSet event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineRequirementChanged event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MemberRegistered event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MemberSuspended event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MemberReinstated event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineCertificationGranted event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineCertificationSuspended event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineCertificationReinstated event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineCertificationRevoked event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MemberCardLinked event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MemberCardUnlinked event) {
        store(event);
    }

    @EventHandler
    synchronized void on(ExternalCredentialImported event) {
        store(event);
    }

    @EventHandler
    synchronized void on(ImportedCredentialIssuerStatusChanged event) {
        store(event);
    }

    @EventHandler
    synchronized void on(PartnerAchievementRecognised event) {
        store(event);
    }

    @EventHandler
    synchronized void on(PartnerAchievementRecognitionWithdrawn event) {
        store(event);
    }

    @EventHandler
    synchronized void on(PartnerTrustWithdrawn event) {
        store(event);
    }

    @EventHandler
    synchronized void on(MachineSessionStarted event) {
        store(event);
    }

    /**
     * A rebuild starts: the stored rows are dropped and the replay builds a model of its own, while machines keep being
     * answered from the live one (see {@link #replaying}).
     */
    @ResetHandler
    synchronized void reset() {
        machineRows.clear();
        memberRows.clear();
        labRows.clear();
        rebuilding = new AccessModel(supervisionWindow);
    }

    // ---------------------------------------------------------------- replays

    /**
     * Told by the processor, before each event, whether the event is replayed (a rebuild). Replayed events build a
     * model of their own, written to the rows but neither answering machines nor pushed to them: machines keep the
     * live model's answers meanwhile, and controllers do not receive the ledger's history change by change. The first
     * event that is not replayed, or {@link #replayFinished()}, swaps the rebuilt state in and tells the listeners
     * once, so that each connected controller gets the state at the end, once.
     */
    public synchronized void replaying(boolean replay) {
        if (!replay) {
            replayFinished();
        } else if (rebuilding == null) {
            // a replay that survived a restart: carry on from what it stored so far
            rebuilding = new AccessModel(supervisionWindow);
            rebuilding.load(machineRows.findAll(), memberRows.findAll(), labRows.findAll());
        }
        replaying = replay;
    }

    /** Swaps in the state a replay rebuilt, if one did, and tells every listener that every machine changed. */
    public synchronized void replayFinished() {
        replaying = false;
        if (rebuilding == null) {
            return;
        }
        rebuilding = null;
        List<MachineState> machines = machineRows.findAll();
        List<MemberAccess> members = memberRows.findAll();
        List<LabPolicy> labs = labRows.findAll();
        model.load(machines, members, labs);
        AccessModel.Changes everything = new AccessModel.Changes(machines, List.of(), labs);
        for (AccessChangeListener listener : listeners) {
            listener.changed(everything);
        }
    }

    /** Whether a replay is building a model of its own. */
    public synchronized boolean rebuilding() {
        return rebuilding != null;
    }

    private void store(Object event) {
        AccessModel target = replaying && rebuilding != null ? rebuilding : model;
        AccessModel.Changes changes = target.changesOf(event);
        if (changes.none()) {
            return;
        }
        changes.machines().forEach(machineRows::save);
        changes.members().forEach(memberRows::save);
        changes.labs().forEach(labRows::save);
        target.commit(changes);
        if (target == model) {
            for (AccessChangeListener listener : listeners) {
                listener.changed(changes);
            }
        }
    }
}
