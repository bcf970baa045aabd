package org.makerspace.projections.access;

import java.time.Instant;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
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

/**
 * When a fact machine access reads happened, as its event says (a grant's {@code grantedAt}, a machine's
 * {@code inServiceSince}, …); the time it was recorded for the few that carry none (opening hours, a machine's
 * requirement, which take effect when recorded).
 */
final class BusinessTime {

    private BusinessTime() {
    }

    static Instant of(Object event, Instant recordedAt) {
        Instant happened = happened(event);
        return happened == null ? recordedAt : happened;
    }

    /** Java 17 has no pattern switch. */
    private static Instant happened(Object event) {
        if (event instanceof MachineRegistered e) {
            return e.inServiceSince();
        } else if (event instanceof MachinePutOutOfService e) {
            return e.since();
        } else if (event instanceof MachineReturnedToService e) {
            return e.since();
        } else if (event instanceof MemberRegistered e) {
            return e.registeredAt();
        } else if (event instanceof MemberSuspended e) {
            return e.suspendedAt();
        } else if (event instanceof MemberReinstated e) {
            return e.reinstatedAt();
        } else if (event instanceof MachineCertificationGranted e) {
            return e.grantedAt();
        } else if (event instanceof MachineCertificationSuspended e) {
            return e.suspendedAt();
        } else if (event instanceof MachineCertificationReinstated e) {
            return e.reinstatedAt();
        } else if (event instanceof MachineCertificationRevoked e) {
            return e.revokedAt();
        } else if (event instanceof MemberCardLinked e) {
            return e.linkedAt();
        } else if (event instanceof MemberCardUnlinked e) {
            return e.unlinkedAt();
        } else if (event instanceof ExternalCredentialImported e) {
            return e.importedAt();
        } else if (event instanceof ImportedCredentialIssuerStatusChanged e) {
            return e.observedAt();
        } else if (event instanceof PartnerAchievementRecognised e) {
            return e.since();
        } else if (event instanceof PartnerAchievementRecognitionWithdrawn e) {
            return e.since();
        } else if (event instanceof PartnerTrustWithdrawn e) {
            return e.since();
        } else if (event instanceof MachineSessionStarted e) {
            return e.startedAt();
        }
        return null;
    }
}
