package org.makerspace.projections.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Decides machine access from memory. Each event writes the changed member or machine document first and then
 * swaps the immutable row into a concurrent map, so a decision reads one consistent row per member and machine
 * without locks or database round trips; the constructor loads the documents back after a restart.
 *
 * <p>Handlers are serialised on this object: relinking a card touches two members, and a card index shared by
 * several processor threads would otherwise race.
 */
@ProcessingGroup(AccessProjection.PROCESSING_GROUP)
public class AccessProjection {

    public static final String PROCESSING_GROUP = "access";
    public static final String DECISIONS_METRIC = "ledger.access.decisions";
    static final String MACHINES = "access_machines";
    static final String MEMBERS = "access_members";
    static final String LABS = "access_labs";

    /**
     * The best basis decides: valid beats suspended beats expired beats revoked, then the higher level, then the
     * later end.
     */
    private static final Comparator<Ranked> BEST_FIRST = Comparator
            .comparing(Ranked::standing)
            .thenComparing((Ranked ranked) -> ranked.basis().level(), Comparator.reverseOrder())
            .thenComparing((Ranked ranked) -> ranked.basis().validUntil(),
                           Comparator.nullsFirst(Comparator.reverseOrder()))
            .thenComparing((Ranked ranked) -> ranked.basis().tieBreaker());

    private final RowCollection<MachineState> machineRows;
    private final RowCollection<MemberAccess> memberRows;
    private final RowCollection<LabRecognitions> labRows;
    private final ConcurrentMap<MachineId, MachineState> machines = new ConcurrentHashMap<>();
    private final ConcurrentMap<MemberId, MemberAccess> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MemberId> cards = new ConcurrentHashMap<>();
    private final ConcurrentMap<LabId, LabRecognitions> labs = new ConcurrentHashMap<>();
    private final Counter granted;
    private final Map<DenialReason, Counter> denied = new EnumMap<>(DenialReason.class);

    public AccessProjection(LedgerStorage storage, MeterRegistry meterRegistry) {
        this.machineRows = new RowCollection<>(storage, MACHINES, MachineState.class, MachineState::id);
        this.memberRows = new RowCollection<>(storage, MEMBERS, MemberAccess.class, MemberAccess::id);
        this.labRows = new RowCollection<>(storage, LABS, LabRecognitions.class, LabRecognitions::id);
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
        machines.clear();
        members.clear();
        cards.clear();
        labs.clear();
        for (LabRecognitions lab : labRows.findAll()) {
            labs.put(lab.labId(), lab);
        }
        for (MachineState machine : machineRows.findAll()) {
            machines.put(machine.machineId(), machine);
        }
        for (MemberAccess member : memberRows.findAll()) {
            members.put(member.memberId(), member);
            for (String card : member.cards()) {
                cards.put(card, member.memberId());
            }
        }
    }

    // ---------------------------------------------------------------- decisions

    /** Whether the subject may use the machine at {@code now}; thread-safe, answered from memory. */
    public AccessDecision decide(MachineId machineId, AccessSubject subject, Instant now) {
        AccessDecision decision = evaluate(machineId, subject, now);
        (decision.granted() ? granted : denied.get(decision.reason())).increment();
        return decision;
    }

    private AccessDecision evaluate(MachineId machineId, AccessSubject subject, Instant now) {
        MachineState machine = machines.get(machineId);
        if (machine == null) {
            return AccessDecision.denied(DenialReason.UNKNOWN_MACHINE);
        }
        MemberId memberId;
        if (subject instanceof AccessSubject.Card card) {
            memberId = cards.get(card.fingerprint());
            if (memberId == null) {
                return AccessDecision.denied(DenialReason.UNKNOWN_CARD);
            }
        } else {
            memberId = ((AccessSubject.Member) subject).memberId();
        }
        MemberAccess member = members.get(memberId);
        if (member == null) {
            return AccessDecision.denied(DenialReason.UNKNOWN_MEMBER);
        }
        if (!machine.inService()) {
            return AccessDecision.denied(DenialReason.MACHINE_OUT_OF_SERVICE, memberId);
        }
        if (member.suspended()) {
            return AccessDecision.denied(DenialReason.MEMBER_SUSPENDED, memberId);
        }
        Optional<Ranked> best = best(member, machine, now);
        if (best.isEmpty()) {
            return AccessDecision.denied(DenialReason.NO_CERTIFICATION, memberId);
        }
        AccessBasis basis = best.get().basis();
        switch (best.get().standing()) {
            case SUSPENDED:
                return AccessDecision.denied(DenialReason.SUSPENDED, memberId, basis);
            case EXPIRED:
                return AccessDecision.denied(DenialReason.EXPIRED, memberId, basis);
            case REVOKED:
                return AccessDecision.denied(DenialReason.REVOKED, memberId, basis);
            default:
                break;
        }
        if (!basis.level().atLeast(CertificationLevel.AUTONOMOUS)) {
            return AccessDecision.denied(DenialReason.SUPERVISION_REQUIRED, memberId, basis);
        }
        return AccessDecision.granted(memberId, basis, maxSessionMinutes(machine, basis, now));
    }

    /** The machine's limit, shortened to the whole minutes left before the basis ends. */
    private static int maxSessionMinutes(MachineState machine, AccessBasis basis, Instant now) {
        if (basis.validUntil() == null) {
            return machine.maxSessionMinutes();
        }
        long minutesLeft = Duration.between(now, basis.validUntil()).toMinutes();
        return (int) Math.min(machine.maxSessionMinutes(), minutesLeft);
    }

    private record Ranked(CertificationGrant.Standing standing, AccessBasis basis) {
    }

    /**
     * The member's best basis for the machine: their certifications of its lab covering it, and the partners'
     * credentials they had imported by {@code now} whose achievement the lab recognises for it.
     */
    private Optional<Ranked> best(MemberAccess member, MachineState machine, Instant now) {
        Ranked best = null;
        for (CertificationGrant certification : member.certifications()) {
            if (certification.covers(machine)) {
                best = better(best, new Ranked(certification.standingAt(now), certification));
            }
        }
        if (!member.imported().isEmpty()) {
            LabRecognitions lab = labs.getOrDefault(machine.labId(), LabRecognitions.none(machine.labId()));
            for (ImportedGrant credential : member.imported()) {
                if (credential.importedAt().isAfter(now)) {
                    continue;
                }
                for (PartnerRecognition recognition : lab.recognitions()) {
                    if (recognition.matches(credential, machine)) {
                        RecognisedCredential recognised = new RecognisedCredential(credential, recognition);
                        best = better(best, new Ranked(recognised.standingAt(now), recognised));
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Ranked better(Ranked best, Ranked candidate) {
        return best == null || BEST_FIRST.compare(candidate, best) < 0 ? candidate : best;
    }

    /** Who may use the machine at the asked time, from memory; null for an unknown machine. */
    @QueryHandler
    public MachineAccessList find(FindMachineAccessList query) {
        MachineState machine = machines.get(query.machineId());
        if (machine == null) {
            return null;
        }
        List<MachineAccessList.Entry> entries = new ArrayList<>();
        if (machine.inService()) {
            for (MemberAccess member : members.values()) {
                if (member.suspended()) {
                    continue;
                }
                best(member, machine, query.at())
                        .filter(ranked -> ranked.standing() == CertificationGrant.Standing.VALID)
                        .map(Ranked::basis)
                        .ifPresent(basis -> entries.add(new MachineAccessList.Entry(
                                member.memberId(), basis.level(), basis.validUntil())));
            }
        }
        entries.sort(Comparator.comparing(entry -> entry.memberId().value()));
        return new MachineAccessList(machine.machineId(), machine.inService(), query.at(), entries);
    }

    // ---------------------------------------------------------------- machines

    @EventHandler
    synchronized void on(MachineRegistered event) {
        if (!machines.containsKey(event.machineId())) {
            saveMachine(MachineState.of(event));
        }
    }

    @EventHandler
    synchronized void on(MachinePutOutOfService event) {
        updateMachine(event.labId(), event.machineId(), machine -> machine.outOfService(event.reason(), event.since()));
    }

    @EventHandler
    synchronized void on(MachineReturnedToService event) {
        updateMachine(event.labId(), event.machineId(), MachineState::backInService);
    }

    // ---------------------------------------------------------------- members

    @EventHandler
    synchronized void on(MemberRegistered event) {
        updateMember(event.memberId(), UnaryOperator.identity());
    }

    @EventHandler
    synchronized void on(MemberSuspended event) {
        updateMember(event.memberId(), member -> member.withSuspended(true));
    }

    @EventHandler
    synchronized void on(MemberReinstated event) {
        updateMember(event.memberId(), member -> member.withSuspended(false));
    }

    @EventHandler
    synchronized void on(MachineCertificationGranted event) {
        updateMember(event.memberId(), member -> member.withCertification(CertificationGrant.of(event)));
    }

    @EventHandler
    synchronized void on(MachineCertificationSuspended event) {
        updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), certification -> certification.withSuspended(true)));
    }

    @EventHandler
    synchronized void on(MachineCertificationReinstated event) {
        updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), certification -> certification.withSuspended(false)));
    }

    @EventHandler
    synchronized void on(MachineCertificationRevoked event) {
        updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), CertificationGrant::revoke));
    }

    @EventHandler
    synchronized void on(ExternalCredentialImported event) {
        updateMember(event.memberId(), member -> member.withImported(ImportedGrant.of(event)));
    }

    // ---------------------------------------------------------------- partners' achievements

    @EventHandler
    synchronized void on(PartnerAchievementRecognised event) {
        updateLab(event.labId(), lab -> lab.with(PartnerRecognition.of(event)));
    }

    @EventHandler
    synchronized void on(PartnerAchievementRecognitionWithdrawn event) {
        updateLab(event.labId(), lab -> lab.without(event.partnerIssuerId(), event.partnerAchievementId()));
    }

    @EventHandler
    synchronized void on(PartnerTrustWithdrawn event) {
        updateLab(event.labId(), lab -> lab.withoutPartner(event.partnerIssuerId()));
    }

    /** A card identifies one member: linking it to another member takes it from the previous holder. */
    @EventHandler
    synchronized void on(MemberCardLinked event) {
        MemberId previous = cards.get(event.cardFingerprint());
        if (previous != null && !previous.equals(event.memberId())) {
            updateMember(previous, member -> member.withoutCard(event.cardFingerprint()));
        }
        updateMember(event.memberId(), member -> member.withCard(event.cardFingerprint()));
        cards.put(event.cardFingerprint(), event.memberId());
    }

    @EventHandler
    synchronized void on(MemberCardUnlinked event) {
        updateMember(event.memberId(), member -> member.withoutCard(event.cardFingerprint()));
        cards.remove(event.cardFingerprint(), event.memberId());
    }

    @ResetHandler
    synchronized void reset() {
        machineRows.clear();
        memberRows.clear();
        labRows.clear();
        labs.clear();
        machines.clear();
        members.clear();
        cards.clear();
    }

    // ---------------------------------------------------------------- state

    /**
     * Machine ids are unique within a lab only; the first lab to register an id owns it here, and another lab's
     * events about its own machine of that id must never put this one in or out of service.
     */
    private void updateMachine(LabId lab, MachineId id, UnaryOperator<MachineState> change) {
        MachineState known = machines.get(id);
        if (known == null || !known.labId().equals(lab)) {
            return; // a machine the ledger never registered here: nothing to decide on
        }
        MachineState updated = change.apply(known);
        if (!updated.equals(known)) {
            saveMachine(updated);
        }
    }

    private void saveMachine(MachineState machine) {
        machineRows.save(machine);
        machines.put(machine.machineId(), machine);
    }

    private void updateLab(LabId id, UnaryOperator<LabRecognitions> change) {
        LabRecognitions known = labs.getOrDefault(id, LabRecognitions.none(id));
        LabRecognitions updated = change.apply(known);
        if (!updated.equals(known)) {
            labRows.save(updated);
            labs.put(id, updated);
        }
    }

    /** Members appear with their first event, so that a grant seen before the registration is not lost. */
    private void updateMember(MemberId id, UnaryOperator<MemberAccess> change) {
        MemberAccess known = members.get(id);
        MemberAccess updated = change.apply(known == null ? MemberAccess.of(id) : known);
        if (!updated.equals(known)) {
            memberRows.save(updated);
            members.put(id, updated);
        }
    }
}
