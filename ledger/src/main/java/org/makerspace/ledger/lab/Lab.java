package org.makerspace.ledger.lab;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.makerspace.ledger.common.Chronology;
import org.makerspace.ledger.common.Require;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.ChangeMachineRequirement;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineRequirementChanged;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.lab.api.OpeningHoursSet;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognised;
import org.makerspace.ledger.lab.api.PartnerAchievementRecognitionWithdrawn;
import org.makerspace.ledger.lab.api.PartnerLabTrusted;
import org.makerspace.ledger.lab.api.PartnerTrustWithdrawn;
import org.makerspace.ledger.lab.api.PutMachineOutOfService;
import org.makerspace.ledger.lab.api.QualifyTrainer;
import org.makerspace.ledger.lab.api.RecognisePartnerAchievement;
import org.makerspace.ledger.lab.api.RegisterLab;
import org.makerspace.ledger.lab.api.RegisterMachine;
import org.makerspace.ledger.lab.api.RegisterTrainer;
import org.makerspace.ledger.lab.api.ReturnMachineToService;
import org.makerspace.ledger.lab.api.SetOpeningHours;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.lab.api.TrustPartnerLab;
import org.makerspace.ledger.lab.api.WithdrawPartnerAchievementRecognition;
import org.makerspace.ledger.lab.api.WithdrawPartnerTrust;
import org.makerspace.ledger.lab.api.WithdrawTrainerQualification;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;

/** A lab with its trainers' qualifications, its machines' service state and the partners whose credentials it trusts. */
class Lab {

    static final int MAX_SESSION_MINUTES = 24 * 60;
    /** The longest "months without use" a requirement may set: ten years, as for an inactivity expiry. */
    static final int MAX_MONTHS_WITHOUT_USE = 120;
    /** What a machine asks when its lab never said otherwise: any certification covering it, used or not. */
    private static final Requirement DEFAULT_REQUIREMENT = new Requirement(CertificationLevel.SUPERVISED, null);
    /** Where the lab's own hours are kept among its machines' (machine ids cannot be blank). */
    private static final String LAB_HOURS = "";

    @AggregateIdentifier
    private LabId labId;
    /** Every registered trainer, by trainer id, with the machine types the trainer is qualified on. */
    private Map<String, Set<MachineType>> qualifications = new HashMap<>();
    /** Every registered machine, by machine id. */
    private Map<String, Machine> machines = new HashMap<>();
    /** The partners trusted now, by issuer profile URL, with the name and time they were trusted under. */
    private Map<String, Partner> partners = new HashMap<>();
    /** The opening hours in force: the lab's under {@link #LAB_HOURS}, a machine's under its id; absent: none set. */
    private Map<String, OpeningHours> openingHours = new HashMap<>();
    /** The partners' achievements recognised now, by partner then achievement id, with the time they were. */
    private Map<String, Map<String, Instant>> recognitions = new HashMap<>();
    /** The machines' access requirements, by machine id; absent: the default requirement. */
    private Map<String, Requirement> requirements = new HashMap<>();

    /** For Axon and for snapshots. */
    Lab() {
    }

    @CommandHandler
    Lab(RegisterLab command) {
        Require.present(command.labId(), "labId");
        Require.notBlank(command.name(), "name");
        Require.httpUrl(command.publicUrl(), "publicUrl");
        Require.optionalEmail(command.contactEmail(), "contactEmail");
        apply(new LabRegistered(command.labId(), command.name(), command.publicUrl(), command.contactEmail()));
    }

    @CommandHandler
    void handle(RegisterTrainer command) {
        TrainerId trainer = Require.present(command.trainerId(), "trainerId");
        if (qualifications.containsKey(trainer.value())) {
            throw LabRefusals.duplicateTrainer(labId, trainer);
        }
        apply(new TrainerRegistered(labId, trainer));
    }

    @CommandHandler
    void handle(QualifyTrainer command) {
        TrainerId trainer = Require.present(command.trainerId(), "trainerId");
        MachineType type = Require.present(command.machineType(), "machineType");
        if (qualificationsOf(trainer).contains(type)) {
            throw LabRefusals.alreadyQualified(labId, trainer, type);
        }
        apply(new TrainerQualified(labId, trainer, type));
    }

    @CommandHandler
    void handle(WithdrawTrainerQualification command) {
        TrainerId trainer = Require.present(command.trainerId(), "trainerId");
        MachineType type = Require.present(command.machineType(), "machineType");
        Require.notBlank(command.reason(), "reason");
        Set<MachineType> held = qualificationsOf(trainer);
        if (!held.contains(type)) {
            throw LabRefusals.trainerNotQualified(labId, trainer, type, held);
        }
        apply(new TrainerQualificationWithdrawn(labId, trainer, type, command.reason()));
    }

    @CommandHandler
    void handle(RegisterMachine command) {
        MachineId machine = Require.present(command.machineId(), "machineId");
        Require.notBlank(command.name(), "name");
        Require.present(command.machineType(), "machineType");
        Require.present(command.riskLevel(), "riskLevel");
        Require.between(command.maxSessionMinutes(), 1, MAX_SESSION_MINUTES, "maxSessionMinutes");
        Instant inServiceSince = Require.present(command.inServiceSince(), "inServiceSince");
        Machine existing = machines.get(machine.value());
        if (existing != null) {
            throw LabRefusals.duplicateMachine(labId, machine, existing.type());
        }
        apply(new MachineRegistered(labId, machine, command.name(), command.machineType(), command.riskLevel(),
                command.maxSessionMinutes(), inServiceSince));
    }

    @CommandHandler
    void handle(PutMachineOutOfService command) {
        MachineId id = Require.present(command.machineId(), "machineId");
        Require.notBlank(command.reason(), "reason");
        Instant since = Require.present(command.since(), "since");
        Machine machine = machine(id);
        if (machine.isOutOfService()) {
            throw LabRefusals.machineOutOfService(labId, id, machine.outOfServiceSince(), machine.outOfServiceReason());
        }
        Chronology.requireNotBefore(since, "putting machine " + id + " of lab " + labId + " out of service",
                machine.inServiceSince(), "it returned to service");
        apply(new MachinePutOutOfService(labId, id, command.reason(), since));
    }

    @CommandHandler
    void handle(ReturnMachineToService command) {
        MachineId id = Require.present(command.machineId(), "machineId");
        Instant since = Require.present(command.since(), "since");
        Machine machine = machine(id);
        if (!machine.isOutOfService()) {
            throw LabRefusals.machineInService(labId, id, machine.inServiceSince());
        }
        Chronology.requireNotBefore(since, "returning machine " + id + " of lab " + labId + " to service",
                machine.outOfServiceSince(), "it went out of service");
        apply(new MachineReturnedToService(labId, id, since));
    }

    /** Setting the hours already in force records nothing, so that a form saved twice leaves one event. */
    @CommandHandler
    void handle(SetOpeningHours command) {
        String key = LAB_HOURS;
        if (command.machineId() != null) {
            machine(command.machineId());
            key = command.machineId().value();
        }
        if (!Objects.equals(openingHours.get(key), command.hours())) {
            apply(new OpeningHoursSet(labId, command.machineId(), command.hours()));
        }
    }

    /**
     * Setting the requirement already in force records nothing: a preview followed by a form saved twice leaves one
     * event, and replays of the access model see changes only.
     */
    @CommandHandler
    void handle(ChangeMachineRequirement command) {
        MachineId id = Require.present(command.machineId(), "machineId");
        Requirement requested = new Requirement(Require.present(command.minimumLevel(), "minimumLevel"),
                                                command.maxMonthsWithoutUse());
        if (requested.maxMonthsWithoutUse() != null) {
            Require.between(requested.maxMonthsWithoutUse(), 1, MAX_MONTHS_WITHOUT_USE, "maxMonthsWithoutUse");
        }
        machine(id);
        if (!requirements.getOrDefault(id.value(), DEFAULT_REQUIREMENT).equals(requested)) {
            apply(new MachineRequirementChanged(labId, id, requested.minimumLevel(), requested.maxMonthsWithoutUse()));
        }
    }

    @CommandHandler
    void handle(TrustPartnerLab command, LabIssuerIds issuerIds) {
        String partner = Require.httpUrl(command.partnerIssuerId(), "partnerIssuerId");
        String name = Require.notBlank(command.partnerName(), "partnerName");
        Instant since = Require.present(command.since(), "since");
        if (partner.equals(issuerIds.issuerIdOf(labId))) {
            throw LabRefusals.partnerIsSelf(labId, partner);
        }
        Partner known = partners.get(partner);
        if (known != null) {
            throw LabRefusals.partnerAlreadyTrusted(labId, partner, known.name(), known.since());
        }
        apply(new PartnerLabTrusted(labId, partner, name, since));
    }

    @CommandHandler
    void handle(WithdrawPartnerTrust command) {
        String partner = Require.notBlank(command.partnerIssuerId(), "partnerIssuerId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant since = Require.present(command.since(), "since");
        Partner known = partners.get(partner);
        if (known == null) {
            throw LabRefusals.partnerNotTrusted(labId, partner);
        }
        Chronology.requireNotBefore(since, "withdrawing the trust of lab " + labId + " in partner " + partner,
                known.since(), "it was trusted");
        apply(new PartnerTrustWithdrawn(labId, partner, reason, since));
    }

    @CommandHandler
    void handle(RecognisePartnerAchievement command) {
        String partner = Require.notBlank(command.partnerIssuerId(), "partnerIssuerId");
        String achievement = Require.notBlank(command.partnerAchievementId(), "partnerAchievementId");
        CertificationScope scope = Require.present(command.scope(), "scope");
        CertificationLevel level = Require.present(command.level(), "level");
        Instant since = Require.present(command.since(), "since");
        Partner known = partners.get(partner);
        if (known == null) {
            throw LabRefusals.partnerNotTrusted(labId, partner);
        }
        if (level.atLeast(CertificationLevel.TRAINER)) {
            throw LabRefusals.partnerAchievementAboveAutonomous(labId, partner, achievement);
        }
        if (scope instanceof CertificationScope.OneMachine one) {
            machine(one.machineId());
        }
        Instant recognisedSince = recognitions.getOrDefault(partner, Map.of()).get(achievement);
        if (recognisedSince != null) {
            throw LabRefusals.partnerAchievementAlreadyRecognised(labId, partner, achievement, recognisedSince);
        }
        Chronology.requireNotBefore(since, "recognising achievement " + achievement + " of partner " + partner
                + " in lab " + labId, known.since(), "the partner was trusted");
        apply(new PartnerAchievementRecognised(labId, partner, achievement, scope, level, since));
    }

    @CommandHandler
    void handle(WithdrawPartnerAchievementRecognition command) {
        String partner = Require.notBlank(command.partnerIssuerId(), "partnerIssuerId");
        String achievement = Require.notBlank(command.partnerAchievementId(), "partnerAchievementId");
        String reason = Require.notBlank(command.reason(), "reason");
        Instant since = Require.present(command.since(), "since");
        Instant recognisedSince = recognitions.getOrDefault(partner, Map.of()).get(achievement);
        if (recognisedSince == null) {
            throw LabRefusals.partnerAchievementNotRecognised(labId, partner, achievement);
        }
        Chronology.requireNotBefore(since, "withdrawing the recognition of achievement " + achievement
                + " of partner " + partner + " in lab " + labId, recognisedSince, "it was recognised");
        apply(new PartnerAchievementRecognitionWithdrawn(labId, partner, achievement, reason, since));
    }

    /** Backs {@link LabRules#requireTrainer}. */
    void requireTrainer(TrainerId trainer) {
        qualificationsOf(trainer);
    }

    /** Backs {@link LabRules#requireMayCertify}. */
    MachineFacts requireMayCertify(TrainerId trainer, CertificationScope scope) {
        MachineType type;
        Machine machine = null;
        MachineId machineId = null;
        if (scope instanceof CertificationScope.OneMachine one) {
            machineId = one.machineId();
            machine = machine(machineId);
            type = machine.type();
        } else if (scope instanceof CertificationScope.MachineFamily family) {
            type = family.machineType();
        } else {
            throw new IllegalArgumentException("scope of an unknown kind: " + scope);
        }
        Set<MachineType> held = qualificationsOf(trainer);
        if (!held.contains(type)) {
            throw LabRefusals.trainerNotQualified(labId, trainer, type, held);
        }
        if (machine != null && machine.isOutOfService()) {
            throw LabRefusals.machineOutOfService(labId, machineId, machine.outOfServiceSince(), machine.outOfServiceReason());
        }
        return new MachineFacts(type);
    }

    private Set<MachineType> qualificationsOf(TrainerId trainer) {
        Set<MachineType> held = qualifications.get(trainer.value());
        if (held == null) {
            throw LabRefusals.unknownTrainer(labId, trainer);
        }
        return held;
    }

    private Machine machine(MachineId id) {
        Machine machine = machines.get(id.value());
        if (machine == null) {
            throw LabRefusals.unknownMachine(labId, id);
        }
        return machine;
    }

    @EventSourcingHandler
    private void on(LabRegistered event) {
        labId = event.labId();
    }

    @EventSourcingHandler
    private void on(TrainerRegistered event) {
        qualifications.put(event.trainerId().value(), new HashSet<>());
    }

    @EventSourcingHandler
    private void on(TrainerQualified event) {
        qualifications.get(event.trainerId().value()).add(event.machineType());
    }

    @EventSourcingHandler
    private void on(TrainerQualificationWithdrawn event) {
        qualifications.get(event.trainerId().value()).remove(event.machineType());
    }

    @EventSourcingHandler
    private void on(MachineRegistered event) {
        machines.put(event.machineId().value(), Machine.inService(event.machineType(), event.inServiceSince()));
    }

    @EventSourcingHandler
    private void on(MachinePutOutOfService event) {
        machines.computeIfPresent(event.machineId().value(), (id, machine) -> machine.outOfService(event.since(), event.reason()));
    }

    @EventSourcingHandler
    private void on(MachineReturnedToService event) {
        machines.computeIfPresent(event.machineId().value(), (id, machine) -> machine.returnedToService(event.since()));
    }

    @EventSourcingHandler
    private void on(OpeningHoursSet event) {
        String key = event.machineId() == null ? LAB_HOURS : event.machineId().value();
        if (event.hours() == null) {
            openingHours.remove(key);
        } else {
            openingHours.put(key, event.hours());
        }
    }

    @EventSourcingHandler
    private void on(MachineRequirementChanged event) {
        requirements.put(event.machineId().value(), new Requirement(event.minimumLevel(), event.maxMonthsWithoutUse()));
    }

    @EventSourcingHandler
    private void on(PartnerLabTrusted event) {
        partners.put(event.partnerIssuerId(), new Partner(event.partnerName(), event.since()));
    }

    /** A partner no longer trusted has none of its achievements recognised: trusting it again starts afresh. */
    @EventSourcingHandler
    private void on(PartnerTrustWithdrawn event) {
        partners.remove(event.partnerIssuerId());
        recognitions.remove(event.partnerIssuerId());
    }

    @EventSourcingHandler
    private void on(PartnerAchievementRecognised event) {
        recognitions.computeIfAbsent(event.partnerIssuerId(), partner -> new HashMap<>())
                .put(event.partnerAchievementId(), event.since());
    }

    @EventSourcingHandler
    private void on(PartnerAchievementRecognitionWithdrawn event) {
        Map<String, Instant> ofPartner = recognitions.get(event.partnerIssuerId());
        if (ofPartner != null) {
            ofPartner.remove(event.partnerAchievementId());
        }
    }

    /** A machine's access requirement: the lab keeps it only to tell a change from a repeat; machines enforce it. */
    private record Requirement(CertificationLevel minimumLevel, Integer maxMonthsWithoutUse) {
    }

    /** What decisions need of a trusted partner: the name and time it was trusted under, to word a refusal. */
    private record Partner(String name, Instant since) {
    }

    /**
     * What decisions need of a machine: its type, and either since when and why it is out of service, or since
     * when it is back in service ({@code null} if it never left it).
     */
    private record Machine(MachineType type, Instant outOfServiceSince, String outOfServiceReason, Instant inServiceSince) {

        static Machine inService(MachineType type, Instant since) {
            return new Machine(type, null, null, since);
        }

        boolean isOutOfService() {
            return outOfServiceSince != null;
        }

        Machine outOfService(Instant since, String reason) {
            return new Machine(type, since, reason, null);
        }

        Machine returnedToService(Instant since) {
            return new Machine(type, null, null, since);
        }
    }
}
