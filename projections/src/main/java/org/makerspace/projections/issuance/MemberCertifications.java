package org.makerspace.projections.issuance;

import static org.makerspace.projections.support.ImmutableLists.appended;
import static org.makerspace.projections.support.ImmutableLists.replaced;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.certification.CertificationTerm;

/**
 * The terms of one member's certifications, so that a credential ends when the certifications behind it do, sessions
 * included ({@link CertificationTerm}, the rule the passport and machine access apply too), and whether each is
 * suspended or revoked now, so that a credential issued after that is revoked or suspended from the start.
 */
record MemberCertifications(MemberId memberId, List<Held> certifications) {

    /** A certification with its term, and its suspension ({@code suspendedAt} while suspended) or revocation now. */
    record Held(CertificationId certificationId, LabId labId, CertificationScope scope, CertificationTerm term,
                Instant suspendedAt, Instant revokedAt, String revocationReason) {

        Held withTerm(CertificationTerm changed) {
            return new Held(certificationId, labId, scope, changed, suspendedAt, revokedAt, revocationReason);
        }
    }

    MemberCertifications {
        Objects.requireNonNull(memberId, "memberId");
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
    }

    static MemberCertifications none(MemberId memberId) {
        return new MemberCertifications(memberId, List.of());
    }

    String id() {
        return memberId.value();
    }

    Optional<Held> held(CertificationId certification) {
        return certifications.stream().filter(held -> held.certificationId().equals(certification)).findFirst();
    }

    Optional<CertificationTerm> term(CertificationId certification) {
        return held(certification).map(Held::term);
    }

    MemberCertifications with(MachineCertificationGranted event) {
        if (term(event.certificationId()).isPresent()) {
            return this;
        }
        return new MemberCertifications(memberId, appended(certifications, new Held(
                event.certificationId(), event.labId(), event.scope(), CertificationTerm.of(event), null, null, null)));
    }

    MemberCertifications suspended(CertificationId certification, Instant at) {
        return changed(certification, held -> held.revokedAt() != null || held.suspendedAt() != null ? held
                : new Held(held.certificationId(), held.labId(), held.scope(), held.term(), at, null, null));
    }

    MemberCertifications reinstated(CertificationId certification) {
        return changed(certification, held -> held.revokedAt() != null ? held
                : new Held(held.certificationId(), held.labId(), held.scope(), held.term(), null, null, null));
    }

    MemberCertifications revoked(CertificationId certification, String reason, Instant at) {
        return changed(certification, held -> held.revokedAt() != null ? held
                : new Held(held.certificationId(), held.labId(), held.scope(), held.term(), null, at, reason));
    }

    private MemberCertifications changed(CertificationId certification, UnaryOperator<Held> change) {
        return new MemberCertifications(memberId, replaced(certifications, Held::certificationId, certification, change));
    }

    /** A session started on a machine: a use of each certification that covers it. */
    MemberCertifications usedAt(LabId machineLab, MachineId machine, MachineType machineType, Instant at) {
        List<Held> used = new ArrayList<>(certifications.size());
        for (Held held : certifications) {
            boolean covers = CertificationTerm.covers(held.labId(), held.scope(), machineLab, machine, machineType);
            used.add(covers ? held.withTerm(held.term().usedAt(at)) : held);
        }
        return new MemberCertifications(memberId, used);
    }

    /** The certifications whose end differs in {@code other}: those a session moved on. */
    List<CertificationId> endsChangedIn(MemberCertifications other) {
        List<CertificationId> changed = new ArrayList<>();
        for (Held held : certifications) {
            Optional<CertificationTerm> after = other.term(held.certificationId());
            if (after.isPresent() && !Objects.equals(after.get().validUntil(), held.term().validUntil())) {
                changed.add(held.certificationId());
            }
        }
        return changed;
    }
}
