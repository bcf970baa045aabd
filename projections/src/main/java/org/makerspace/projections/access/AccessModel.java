package org.makerspace.projections.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
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
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.projections.certification.CertificationStanding;

/**
 * Who may use which machine, in memory: immutable rows swapped into concurrent maps, so that a decision reads one
 * consistent row per member, machine and lab without locks. It knows nothing of storage: the projection persists
 * the rows each change returns, and an audit folds the ledger up to a past moment into a fresh model.
 *
 * <p>Changes must be applied by one thread at a time (the projection serialises them): relinking a card touches two
 * members. Decisions may run on any number of threads meanwhile.
 *
 * <p>Supervision is the one state not from the ledger: when a member certified TRAINER on a machine is granted it,
 * the machine counts as supervised for the supervision window, and SUPERVISED members are let in meanwhile. It lives
 * in memory only; after a restart, the trainer taps again.
 */
public final class AccessModel {

    /**
     * The best basis decides: valid beats suspended beats expired beats revoked, then the higher level, then the
     * later end (as the machine's requirement has it).
     */
    private static final Comparator<Ranked> BEST_FIRST = Comparator
            .comparing(Ranked::standing)
            .thenComparing((Ranked ranked) -> ranked.basis().level(), Comparator.reverseOrder())
            .thenComparing(Ranked::validUntil, Comparator.nullsFirst(Comparator.reverseOrder()))
            .thenComparing((Ranked ranked) -> ranked.basis().tieBreaker());

    private final Duration supervisionWindow;
    private final SessionIds sessionIds;
    private final ConcurrentMap<MachineId, MachineState> machines = new ConcurrentHashMap<>();
    private final ConcurrentMap<MemberId, MemberAccess> members = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MemberId> cards = new ConcurrentHashMap<>();
    /** Everyone who ever held each card, for {@link #holderAt}. */
    private final ConcurrentMap<String, List<MemberId>> cardHolders = new ConcurrentHashMap<>();
    private final ConcurrentMap<LabId, LabPolicy> labs = new ConcurrentHashMap<>();
    /** When a trainer of each machine was last let in on it. */
    private final ConcurrentMap<MachineId, Instant> trainerTaps = new ConcurrentHashMap<>();

    public AccessModel(Duration supervisionWindow) {
        if (supervisionWindow.isNegative() || supervisionWindow.isZero()) {
            throw new IllegalArgumentException("the supervision window must be positive, but was " + supervisionWindow);
        }
        this.supervisionWindow = supervisionWindow;
        this.sessionIds = new SessionIds();
    }

    /**
     * The rows an event changes, computed without changing the model: the projection stores them first and then
     * {@linkplain #commit commits} them, so that a failed write leaves the model as it was and the retried event
     * finds the same change to make. Empty when the event changes nothing.
     */
    public record Changes(List<MachineState> machines, List<MemberAccess> members, List<LabPolicy> labs) {

        static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        public boolean none() {
            return machines.isEmpty() && members.isEmpty() && labs.isEmpty();
        }

        Changes and(Changes other) {
            if (other.none()) {
                return this;
            }
            if (none()) {
                return other;
            }
            List<MemberAccess> both = new ArrayList<>(members);
            both.addAll(other.members);
            return new Changes(concat(machines, other.machines), both, concat(labs, other.labs));
        }

        private static <T> List<T> concat(List<T> first, List<T> second) {
            List<T> both = new ArrayList<>(first);
            both.addAll(second);
            return both;
        }
    }

    // ---------------------------------------------------------------- loading

    /** Replaces the state with these rows, as stored; supervision is forgotten. */
    void load(Collection<MachineState> machineRows, Collection<MemberAccess> memberRows, Collection<LabPolicy> labRows) {
        clear();
        for (LabPolicy lab : labRows) {
            labs.put(lab.labId(), lab);
        }
        for (MachineState machine : machineRows) {
            machines.put(machine.machineId(), machine);
        }
        for (MemberAccess member : memberRows) {
            members.put(member.memberId(), member);
            for (String card : member.cards()) {
                cards.put(card, member.memberId());
            }
            indexCardHolders(member);
        }
    }

    private void indexCardHolders(MemberAccess member) {
        for (MemberAccess.CardSpan span : member.cardSpans()) {
            cardHolders.compute(span.fingerprint(), (card, holders) -> {
                if (holders != null && holders.contains(member.memberId())) {
                    return holders;
                }
                List<MemberId> more = holders == null ? new ArrayList<>() : new ArrayList<>(holders);
                more.add(member.memberId());
                return List.copyOf(more);
            });
        }
    }

    void clear() {
        machines.clear();
        members.clear();
        cards.clear();
        cardHolders.clear();
        labs.clear();
        trainerTaps.clear();
    }

    // ---------------------------------------------------------------- decisions

    /**
     * Whether the subject may use the machine at {@code now}; thread-safe. A grant carries a fresh session id and
     * the session's longest duration: the machine's limit, cut at closing time and at the end of what grants it.
     */
    public AccessDecision decide(MachineId machineId, AccessSubject subject, Instant now) {
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
        if (subject instanceof AccessSubject.Card card && !member.cards().contains(card.fingerprint())) {
            return AccessDecision.denied(DenialReason.UNKNOWN_CARD); // unlinked a moment ago: the index lags the row
        }
        if (!machine.inService()) {
            return AccessDecision.denied(DenialReason.MACHINE_OUT_OF_SERVICE, memberId);
        }
        OpeningHours hours = openingHours(machine);
        if (hours != null && !hours.isOpenAt(now)) {
            return AccessDecision.denied(DenialReason.OUTSIDE_OPENING_HOURS, memberId);
        }
        if (member.suspended()) {
            return AccessDecision.denied(DenialReason.MEMBER_SUSPENDED, memberId);
        }
        MachineRequirement requirement = requirementOf(machine);
        Optional<Ranked> best = best(member, machine, now, requirement);
        if (best.isEmpty()) {
            return AccessDecision.denied(DenialReason.NO_CERTIFICATION, memberId);
        }
        AccessBasis basis = best.get().basis();
        Instant validUntil = best.get().validUntil();
        DenialReason refusal = refusalOf(best.get(), requirement);
        if (refusal != null) {
            return AccessDecision.denied(refusal, memberId, basis, validUntil);
        }
        if (!basis.level().atLeast(CertificationLevel.AUTONOMOUS) && !supervisedAt(machineId, now)) {
            return AccessDecision.denied(DenialReason.SUPERVISION_REQUIRED, memberId, basis, validUntil);
        }
        int minutes = maxSessionMinutes(machine, hours, validUntil, now);
        if (minutes < 1) {
            // less than a minute before closing time or the end of the grant: no session worth starting
            boolean closing = hours != null && hours.closesAfter(now)
                    .map(at -> Duration.between(now, at).toMinutes() < 1).orElse(false);
            return AccessDecision.denied(closing ? DenialReason.OUTSIDE_OPENING_HOURS : DenialReason.EXPIRED,
                                         memberId, basis, validUntil);
        }
        if (basis.level().atLeast(CertificationLevel.TRAINER)) {
            trainerTaps.merge(machineId, now, (known, tap) -> tap.isAfter(known) ? tap : known);
        }
        return AccessDecision.granted(memberId, basis, validUntil, sessionIds.next(), minutes);
    }

    /**
     * Why the best basis does not entitle its member to the machine under this requirement, in the order decisions
     * check it: its standing, then its level; {@code null}: it does.
     */
    private static DenialReason refusalOf(Ranked best, MachineRequirement requirement) {
        switch (best.standing()) {
            case SUSPENDED:
                return DenialReason.SUSPENDED;
            case EXPIRED:
                return DenialReason.EXPIRED;
            case REVOKED:
                return DenialReason.REVOKED;
            case UNCONFIRMED:
                return DenialReason.PARTNER_STATUS_UNAVAILABLE;
            default:
                break;
        }
        return requirement.admits(best.basis().level()) ? null : DenialReason.LEVEL_TOO_LOW;
    }

    /** What the machine asks, as its lab last set it. */
    MachineRequirement requirementOf(MachineState machine) {
        LabPolicy lab = labs.get(machine.labId());
        return lab == null ? MachineRequirement.defaultFor(machine.machineId()) : lab.requirementOf(machine.machineId());
    }

    /** Whether a trainer of the machine was let in on it within the supervision window before {@code now}. */
    private boolean supervisedAt(MachineId machineId, Instant now) {
        Instant tap = trainerTaps.get(machineId);
        return tap != null && !now.isBefore(tap) && now.isBefore(tap.plus(supervisionWindow));
    }

    /** The machine's own hours, else its lab's; null: always open. */
    OpeningHours openingHours(MachineState machine) {
        if (machine.openingHours() != null) {
            return machine.openingHours();
        }
        LabPolicy lab = labs.get(machine.labId());
        return lab == null ? null : lab.openingHours();
    }

    private static int maxSessionMinutes(MachineState machine, OpeningHours hours, Instant validUntil, Instant now) {
        long minutes = machine.maxSessionMinutes();
        if (validUntil != null) {
            minutes = Math.min(minutes, Duration.between(now, validUntil).toMinutes());
        }
        if (hours != null) {
            Optional<Instant> closing = hours.closesAfter(now);
            if (closing.isPresent()) {
                minutes = Math.min(minutes, Duration.between(now, closing.get()).toMinutes());
            }
        }
        return (int) minutes;
    }

    /** A basis as it stands on one machine: its standing and end as the machine's requirement has them. */
    private record Ranked(CertificationStanding standing, AccessBasis basis, Instant validUntil) {

        /**
         * A basis valid by its own rules but not used within the requirement's months counts as expired here, and
         * ends at the sooner of its own end and that lapse.
         */
        static Ranked of(AccessBasis basis, MachineRequirement requirement, Instant now) {
            return of(basis, basis.standingAt(now), requirement, now);
        }

        static Ranked of(AccessBasis basis, CertificationStanding standing, MachineRequirement requirement,
                         Instant now) {
            Instant validUntil = basis.validUntil();
            Instant lapse = requirement.lapseOf(basis);
            if (lapse != null) {
                if (validUntil == null || lapse.isBefore(validUntil)) {
                    validUntil = lapse;
                }
                if (standing == CertificationStanding.VALID && !now.isBefore(lapse)) {
                    standing = CertificationStanding.EXPIRED;
                }
            }
            return new Ranked(standing, basis, validUntil);
        }
    }

    /**
     * The member's best basis for the machine under the requirement: their certifications of its lab covering it,
     * and the partners' credentials they had imported by {@code now} whose achievement the lab recognises for it.
     */
    private Optional<Ranked> best(MemberAccess member, MachineState machine, Instant now,
                                  MachineRequirement requirement) {
        Ranked best = null;
        for (CertificationGrant certification : member.certifications()) {
            if (certification.covers(machine)) {
                best = better(best, Ranked.of(certification, requirement, now));
            }
        }
        if (!member.imported().isEmpty()) {
            LabPolicy lab = labs.getOrDefault(machine.labId(), LabPolicy.none(machine.labId()));
            for (ImportedGrant credential : member.imported()) {
                if (credential.importedAt().isAfter(now)) {
                    continue;
                }
                for (PartnerRecognition recognition : lab.recognitions()) {
                    if (recognition.matches(credential, machine)) {
                        RecognisedCredential recognised = new RecognisedCredential(credential, recognition);
                        best = better(best, Ranked.of(recognised, recognised.standingAt(now, machine.risk()),
                                                      requirement, now));
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Ranked better(Ranked best, Ranked candidate) {
        return best == null || BEST_FIRST.compare(candidate, best) < 0 ? candidate : best;
    }

    /** Who may use the machine at {@code at}, SUPERVISED members included; null for an unknown machine. */
    public MachineAccessList accessList(MachineId machineId, Instant at) {
        MachineState machine = machines.get(machineId);
        if (machine == null) {
            return null;
        }
        List<MachineAccessList.Entry> entries = new ArrayList<>();
        if (machine.inService()) {
            MachineRequirement requirement = requirementOf(machine);
            for (MemberAccess member : members.values()) {
                entryOf(member, machine, at, requirement).ifPresent(entries::add);
            }
        }
        entries.sort(Comparator.comparing(entry -> entry.memberId().value()));
        return new MachineAccessList(machine.machineId(), machine.inService(), at, entries);
    }

    /**
     * The member's entry on the machine's list at {@code at} under the requirement: present while not suspended and
     * validly entitled at a level the requirement admits.
     */
    Optional<MachineAccessList.Entry> entryOf(MemberAccess member, MachineState machine, Instant at,
                                              MachineRequirement requirement) {
        if (member.suspended()) {
            return Optional.empty();
        }
        return best(member, machine, at, requirement)
                .filter(ranked -> refusalOf(ranked, requirement) == null)
                .map(ranked -> new MachineAccessList.Entry(member.memberId(), ranked.basis().level(),
                                                           ranked.validUntil()));
    }

    /**
     * Who is on the machine's list at {@code at} and would not be under the proposed requirement, with the reason
     * they would be refused; computed from the rows as they are, changing nothing. Null for an unknown machine.
     * Opening hours, service state and supervision are the same under both requirements, so they are left out.
     */
    public RequirementPreview preview(MachineId machineId, MachineRequirement proposed, Instant at) {
        MachineState machine = machines.get(machineId);
        if (machine == null) {
            return null;
        }
        MachineRequirement current = requirementOf(machine);
        List<RequirementPreview.Loss> losing = new ArrayList<>();
        int keeping = 0;
        for (MemberAccess member : members.values()) {
            Optional<MachineAccessList.Entry> now = entryOf(member, machine, at, current);
            if (now.isEmpty()) {
                continue;
            }
            Optional<Ranked> then = best(member, machine, at, proposed);
            DenialReason refusal = then.isEmpty() ? DenialReason.NO_CERTIFICATION : refusalOf(then.get(), proposed);
            if (refusal == null) {
                keeping++;
            } else {
                losing.add(new RequirementPreview.Loss(member.memberId(), now.get().level(), now.get().validUntil(),
                                                       refusal));
            }
        }
        losing.sort(Comparator.comparing(loss -> loss.memberId().value()));
        return new RequirementPreview(machineId, at, current, proposed, losing, keeping);
    }

    /**
     * Why the member has no entry on the machine's list at {@code at}, in the terms {@link #decide} would use, leaving
     * out what the list does not depend on (opening hours, supervision); empty when they have one.
     */
    Optional<DenialReason> reasonUnlisted(MemberAccess member, MachineState machine, Instant at) {
        if (!machine.inService()) {
            return Optional.of(DenialReason.MACHINE_OUT_OF_SERVICE);
        }
        if (member.suspended()) {
            return Optional.of(DenialReason.MEMBER_SUSPENDED);
        }
        MachineRequirement requirement = requirementOf(machine);
        Optional<Ranked> best = best(member, machine, at, requirement);
        if (best.isEmpty()) {
            return Optional.of(DenialReason.NO_CERTIFICATION);
        }
        return Optional.ofNullable(refusalOf(best.get(), requirement));
    }

    /** The member a card fingerprint identifies now, if any. */
    public Optional<MemberId> holderOf(String fingerprint) {
        return Optional.ofNullable(cards.get(fingerprint));
    }

    /**
     * The member who held the card at {@code at}: a controller reporting a use from its offline queue names the card
     * as it was then, and the card may have been unlinked or given to someone else since; empty when nobody held
     * it then. A card linked before spans were kept (none recorded) is taken to be today's holder's.
     */
    public Optional<MemberId> holderAt(String fingerprint, Instant at) {
        List<MemberId> holders = cardHolders.get(fingerprint);
        if (holders == null) {
            return holderOf(fingerprint);
        }
        for (MemberId holder : holders) {
            MemberAccess member = members.get(holder);
            if (member != null && member.heldCardAt(fingerprint, at)) {
                return Optional.of(holder);
            }
        }
        return Optional.empty();
    }

    public Optional<MachineState> machine(MachineId machineId) {
        return Optional.ofNullable(machines.get(machineId));
    }

    Collection<MachineState> machines() {
        return machines.values();
    }

    Optional<MemberAccess> member(MemberId memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    /** Whether the ledger knows this member (it has seen at least one of their events). */
    public boolean knows(MemberId memberId) {
        return members.containsKey(memberId);
    }

    Collection<MemberAccess> members() {
        return members.values();
    }

    // ---------------------------------------------------------------- changes

    /**
     * Makes the changes visible to decisions. A member's cards are indexed from the new row: cards it gained point
     * to it, cards it lost no longer do (unless another member holds them by now).
     */
    void commit(Changes changes) {
        for (LabPolicy lab : changes.labs()) {
            labs.put(lab.labId(), lab);
        }
        for (MachineState machine : changes.machines()) {
            machines.put(machine.machineId(), machine);
        }
        for (MemberAccess member : changes.members()) {
            MemberAccess known = members.put(member.memberId(), member);
            if (known != null) {
                for (String card : known.cards()) {
                    if (!member.cards().contains(card)) {
                        cards.remove(card, member.memberId());
                    }
                }
            }
            for (String card : member.cards()) {
                cards.put(card, member.memberId());
            }
            indexCardHolders(member);
        }
    }

    /** Applies and commits any event this model reads; others change nothing. For folding the ledger into a model. */
    public Changes apply(Object event) {
        Changes changes = changesOf(event);
        commit(changes);
        return changes;
    }

    Changes changesOf(Object event) {
        if (event instanceof MachineRegistered e) {
            return on(e);
        } else if (event instanceof MachinePutOutOfService e) {
            return on(e);
        } else if (event instanceof MachineReturnedToService e) {
            return on(e);
        } else if (event instanceof OpeningHoursSet e) {
            return on(e);
        } else if (event instanceof MemberRegistered e) {
            return on(e);
        } else if (event instanceof MemberSuspended e) {
            return on(e);
        } else if (event instanceof MemberReinstated e) {
            return on(e);
        } else if (event instanceof MachineCertificationGranted e) {
            return on(e);
        } else if (event instanceof MachineCertificationSuspended e) {
            return on(e);
        } else if (event instanceof MachineCertificationReinstated e) {
            return on(e);
        } else if (event instanceof MachineCertificationRevoked e) {
            return on(e);
        } else if (event instanceof MemberCardLinked e) {
            return on(e);
        } else if (event instanceof MemberCardUnlinked e) {
            return on(e);
        } else if (event instanceof ExternalCredentialImported e) {
            return on(e);
        } else if (event instanceof ImportedCredentialIssuerStatusChanged e) {
            return on(e);
        } else if (event instanceof PartnerAchievementRecognised e) {
            return on(e);
        } else if (event instanceof PartnerAchievementRecognitionWithdrawn e) {
            return on(e);
        } else if (event instanceof PartnerTrustWithdrawn e) {
            return on(e);
        } else if (event instanceof MachineSessionStarted e) {
            return on(e);
        } else if (event instanceof MachineRequirementChanged e) {
            return on(e);
        }
        return Changes.NONE;
    }

    Changes on(MachineRegistered event) {
        if (machines.containsKey(event.machineId())) {
            return Changes.NONE;
        }
        return new Changes(List.of(MachineState.of(event)), List.of(), List.of());
    }

    Changes on(MachinePutOutOfService event) {
        return updateMachine(event.labId(), event.machineId(), machine -> machine.outOfService(event.reason(), event.since()));
    }

    Changes on(MachineReturnedToService event) {
        return updateMachine(event.labId(), event.machineId(), MachineState::backInService);
    }

    Changes on(OpeningHoursSet event) {
        if (event.machineId() != null) {
            return updateMachine(event.labId(), event.machineId(), machine -> machine.withOpeningHours(event.hours()));
        }
        return updateLab(event.labId(), lab -> lab.withOpeningHours(event.hours()));
    }

    /** Kept with the lab's policy: the lab decides it, and machine rows stay as controllers' allowlists see them. */
    Changes on(MachineRequirementChanged event) {
        return updateLab(event.labId(), lab -> lab.withRequirement(MachineRequirement.of(event)));
    }

    Changes on(MemberRegistered event) {
        return updateMember(event.memberId(), UnaryOperator.identity());
    }

    Changes on(MemberSuspended event) {
        return updateMember(event.memberId(), member -> member.withSuspended(true));
    }

    Changes on(MemberReinstated event) {
        return updateMember(event.memberId(), member -> member.withSuspended(false));
    }

    Changes on(MachineCertificationGranted event) {
        return updateMember(event.memberId(), member -> member.withCertification(CertificationGrant.of(event)));
    }

    Changes on(MachineCertificationSuspended event) {
        return updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), certification -> certification.withSuspended(true)));
    }

    Changes on(MachineCertificationReinstated event) {
        return updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), certification -> certification.withSuspended(false)));
    }

    Changes on(MachineCertificationRevoked event) {
        return updateMember(event.memberId(), member -> member.withCertificationChanged(
                event.certificationId(), CertificationGrant::revoke));
    }

    /** A card identifies one member: linking it to another member takes it from the previous holder. */
    Changes on(MemberCardLinked event) {
        MemberId previous = cards.get(event.cardFingerprint());
        Changes changes = Changes.NONE;
        if (previous != null && !previous.equals(event.memberId())) {
            changes = updateMember(previous, member -> member.withoutCard(event.cardFingerprint(), event.linkedAt()));
        }
        return changes.and(updateMember(event.memberId(),
                                        member -> member.withCard(event.cardFingerprint(), event.linkedAt())));
    }

    Changes on(MemberCardUnlinked event) {
        return updateMember(event.memberId(), member -> member.withoutCard(event.cardFingerprint(), event.unlinkedAt()));
    }

    Changes on(ExternalCredentialImported event) {
        return updateMember(event.memberId(), member -> member.withImported(ImportedGrant.of(event)));
    }

    Changes on(ImportedCredentialIssuerStatusChanged event) {
        return updateMember(event.memberId(), member -> member.withIssuerStatus(event.credentialId(), event.status()));
    }

    Changes on(PartnerAchievementRecognised event) {
        return updateLab(event.labId(), lab -> lab.with(PartnerRecognition.of(event)));
    }

    Changes on(PartnerAchievementRecognitionWithdrawn event) {
        return updateLab(event.labId(), lab -> lab.without(event.partnerIssuerId(), event.partnerAchievementId()));
    }

    Changes on(PartnerTrustWithdrawn event) {
        return updateLab(event.labId(), lab -> lab.withoutPartner(event.partnerIssuerId()));
    }

    /** A use of the machine: the certifications covering it count it for "expires after N months without use". */
    Changes on(MachineSessionStarted event) {
        MachineState machine = machines.get(event.machineId());
        if (machine == null || !machine.labId().equals(event.labId())) {
            return Changes.NONE;
        }
        return updateMember(event.memberId(), member -> member.withCertificationsUsed(machine, event.startedAt()));
    }

    /**
     * Machine ids are unique within a lab only; the first lab to register an id owns it here, and another lab's
     * events about its own machine of that id must never change this one.
     */
    private Changes updateMachine(LabId lab, MachineId id, UnaryOperator<MachineState> change) {
        MachineState known = machines.get(id);
        if (known == null || !known.labId().equals(lab)) {
            return Changes.NONE; // a machine the ledger never registered here: nothing to decide on
        }
        MachineState updated = change.apply(known);
        return updated.equals(known) ? Changes.NONE : new Changes(List.of(updated), List.of(), List.of());
    }

    private Changes updateLab(LabId id, UnaryOperator<LabPolicy> change) {
        LabPolicy known = labs.getOrDefault(id, LabPolicy.none(id));
        LabPolicy updated = change.apply(known);
        return updated.equals(known) ? Changes.NONE : new Changes(List.of(), List.of(), List.of(updated));
    }

    /** Members appear with their first event, so that a grant seen before the registration is not lost. */
    private Changes updateMember(MemberId id, UnaryOperator<MemberAccess> change) {
        MemberAccess known = members.get(id);
        MemberAccess updated = change.apply(known == null ? MemberAccess.of(id) : known);
        return updated.equals(known) ? Changes.NONE : new Changes(List.of(), List.of(updated), List.of());
    }
}
