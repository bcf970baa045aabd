package org.makerspace.projections.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;

/** Ids, times and events of a small lab that tests share, so that each test states only what matters to it. */
public final class TestEvents {

    public static final LabId FABLAB = LabId.of("fablab-north");
    public static final LabId OTHER_LAB = LabId.of("fablab-south");
    public static final MachineId LASER = MachineId.of("laser-1");
    public static final MachineId PRINTER = MachineId.of("printer-1");
    public static final MemberId ADA = MemberId.of("member-ada");
    public static final MemberId BEN = MemberId.of("member-ben");
    public static final TrainerId TRAINER = TrainerId.of("trainer-tom");
    /** A business time with nanoseconds, so that tests catch any loss of precision in storage. */
    public static final Instant T0 = Instant.parse("2026-01-05T09:30:00.123456789Z");

    private TestEvents() {
    }

    public static Instant days(long days) {
        return T0.plus(java.time.Duration.ofDays(days));
    }

    public static MachineRegistered laserRegistered() {
        return new MachineRegistered(FABLAB, LASER, "Laser cutter", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120);
    }

    public static MachineRegistered printerRegistered() {
        return new MachineRegistered(FABLAB, PRINTER, "3D printer", MachineType.PRINTER_3D, RiskLevel.LOW, 480);
    }

    public static MemberRegistered registered(MemberId member) {
        return new MemberRegistered(member, FABLAB, T0);
    }

    public static TrainingCompleted training(MemberId member, String trainingId, String courseCode, Instant at) {
        return new TrainingCompleted(member, TrainingId.of(trainingId), FABLAB, courseCode, new BigDecimal("1.50"), TRAINER,
                                     at);
    }

    /** An AUTONOMOUS laser-cutter family certification at the fablab, valid for a year. */
    public static MachineCertificationGranted laserCertification(MemberId member, String certificationId, Instant at) {
        return certification(member, certificationId, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER),
                             CertificationLevel.AUTONOMOUS, new ExpiryRule.AfterPeriod(Period.ofYears(1)), at);
    }

    public static MachineCertificationGranted certification(MemberId member, String certificationId,
                                                            CertificationScope scope, CertificationLevel level,
                                                            ExpiryRule expiry, Instant at) {
        return new MachineCertificationGranted(member, CertificationId.of(certificationId), FABLAB, scope, level, expiry,
                                               TRAINER, at);
    }

    public static WorkshopContributionRecorded contribution(MemberId member, String contributionId, ContributionRole role,
                                                            String hours, Instant at) {
        return new WorkshopContributionRecorded(member, ContributionId.of(contributionId), FABLAB, "repair-cafe", role,
                                                new BigDecimal(hours), at);
    }
}
