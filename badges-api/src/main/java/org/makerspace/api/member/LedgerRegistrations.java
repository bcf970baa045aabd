package org.makerspace.api.member;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.makerspace.ledger.common.OutsideMembership;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberJoinedLab;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.springframework.stereotype.Component;

/**
 * Which labs a member belongs to, as the ledger says: for who may read and record about the member, and for a
 * registration sent again after a crash, which reached the ledger but not the directory, to be finished rather than
 * refused.
 */
@Component
public class LedgerRegistrations {

    private final EventStore eventStore;

    LedgerRegistrations(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The labs the member belongs to, read from the ledger itself (never behind it): the one that registered them,
     * then those they joined. Empty for a member the ledger does not know.
     */
    public Set<String> labsOf(MemberId member) {
        Set<String> labs = new LinkedHashSet<>();
        DomainEventStream events = eventStore.readEvents(member.value(), 0);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (payload instanceof MemberRegistered registered) {
                labs.add(registered.labId().value());
            } else if (payload instanceof MemberJoinedLab joined) {
                labs.add(joined.labId().value());
            }
        }
        return labs;
    }

    /**
     * Refuses (403) what a lab's machine would record about another lab's member; a member the ledger does not know
     * is nobody's (what to make of them is the caller's to decide).
     *
     * @throws OutsideMembership when the ledger knows the member and they do not belong to the lab
     */
    public void requireNotAnotherLabsMember(MemberId member, String labId) {
        Set<String> labs = labsOf(member);
        if (!labs.isEmpty() && !labs.contains(labId)) {
            throw new OutsideMembership("member " + member + " is not a member of lab " + labId);
        }
    }

    /**
     * The labs the member belongs to as the ledger says, and the lab of their directory entry: a registration the
     * ledger has and the directory not yet, or the reverse, is still the lab's. Empty for a member neither knows.
     */
    public Set<String> labsOf(MemberId member, Optional<MemberProfile> entry) {
        Set<String> labs = labsOf(member);
        entry.ifPresent(profile -> labs.add(profile.labId()));
        return labs;
    }

    /**
     * The lab in whose name one of the member's trainings, certifications or contributions was recorded, read from
     * the ledger; empty when the member has no such record.
     */
    public Optional<String> labOfRecord(MemberId member, RecordKind kind, String recordId) {
        DomainEventStream events = eventStore.readEvents(member.value(), 0);
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            LabId lab = switch (kind) {
                case TRAINING -> payload instanceof TrainingCompleted training
                                 && training.trainingId().value().equals(recordId) ? training.labId() : null;
                case CERTIFICATION -> payload instanceof MachineCertificationGranted granted
                                      && granted.certificationId().value().equals(recordId) ? granted.labId() : null;
                case CONTRIBUTION -> payload instanceof WorkshopContributionRecorded contribution
                                     && contribution.contributionId().value().equals(recordId)
                        ? contribution.labId() : null;
            };
            if (lab != null) {
                return Optional.of(lab.value());
            }
        }
        return Optional.empty();
    }

    /** The kinds of records a lab corrects: only the lab that recorded one may. */
    public enum RecordKind { TRAINING, CERTIFICATION, CONTRIBUTION }

    public Optional<LabId> labOf(MemberId member) {
        DomainEventStream events = eventStore.readEvents(member.value(), 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof MemberRegistered registered ? Optional.of(registered.labId())
                                                                           : Optional.empty();
    }
}
