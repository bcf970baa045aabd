package org.makerspace.api.member.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.member.LedgerRegistrations;
import org.makerspace.api.member.LedgerRegistrations.RecordKind;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.api.member.MemberProfile;
import org.makerspace.api.member.MemberRegistration;
import org.makerspace.api.member.web.MemberRequests.AtRequest;
import org.makerspace.api.member.web.MemberRequests.GrantCertificationRequest;
import org.makerspace.api.member.web.MemberRequests.JoinLabRequest;
import org.makerspace.api.member.web.MemberRequests.LinkCardRequest;
import org.makerspace.api.member.web.MemberRequests.ReasonRequest;
import org.makerspace.api.member.web.MemberRequests.RecordContributionRequest;
import org.makerspace.api.member.web.MemberRequests.RecordTrainingRequest;
import org.makerspace.api.member.web.MemberRequests.RegisterMemberRequest;
import org.makerspace.api.member.web.MemberRequests.UnlinkCardRequest;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.api.security.Role;
import org.makerspace.ledger.common.OutsideMembership;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.GrantMachineCertification;
import org.makerspace.ledger.member.api.JoinLab;
import org.makerspace.ledger.member.api.JoinedBy;
import org.makerspace.ledger.member.api.LinkMemberCard;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.RecordTrainingCompletion;
import org.makerspace.ledger.member.api.RecordWorkshopContribution;
import org.makerspace.ledger.member.api.ReinstateMachineCertification;
import org.makerspace.ledger.member.api.ReinstateMember;
import org.makerspace.ledger.member.api.RetractTrainingRecord;
import org.makerspace.ledger.member.api.RetractWorkshopContribution;
import org.makerspace.ledger.member.api.RevokeMachineCertification;
import org.makerspace.ledger.member.api.SuspendMachineCertification;
import org.makerspace.ledger.member.api.SuspendMember;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.UnlinkMemberCard;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.award.FindMemberAwards;
import org.makerspace.projections.award.MemberAwards;
import org.makerspace.projections.passport.FindMemberPassport;
import org.makerspace.projections.passport.MemberPassport;
import org.makerspace.projections.passport.PassportProjection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members and their skills passport. Lab staff register members and record what happened; trainers record trainings
 * and certifications in their own name; a learner reads their own passport and awards.
 */
@RestController
@Tag(name = "members", description = "Learners, their trainings, certifications, contributions and passport")
class MemberController {

    private final LedgerCommands commands;
    private final MemberDirectory directory;
    private final LedgerRegistrations registrations;
    private final MemberRegistration registration;
    private final CardFingerprints fingerprints;
    private final PassportProjection passports;
    private final AwardProjection awards;
    private final Clock clock;

    MemberController(LedgerCommands commands, MemberDirectory directory, LedgerRegistrations registrations,
                     MemberRegistration registration,
                     CardFingerprints fingerprints, PassportProjection passports, AwardProjection awards, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.registrations = registrations;
        this.registration = registration;
        this.fingerprints = fingerprints;
        this.passports = passports;
        this.awards = awards;
        this.clock = clock;
    }

    record Created(String id) {
    }

    @Operation(summary = "Register a member in a lab (lab staff). Personal data stays out of the ledger.")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/labs/{labId}/members")
    ResponseEntity<Created> register(@PathVariable String labId, @Valid @RequestBody RegisterMemberRequest request,
                                     Caller caller) {
        caller.requireLabStaff(labId);
        String memberId = request.memberId() != null ? request.memberId() : "m-" + UUID.randomUUID();
        registration.register(new MemberProfile(memberId, labId, request.displayName(), request.email(),
                                                request.birthYear(), false), orNow(request.registeredAt()), caller);
        return ResponseEntity.created(URI.create("/api/members/" + memberId)).body(new Created(memberId));
    }

    /** The labs a member belongs to: the one that registered them first, then those they joined. */
    record Memberships(String memberId, List<String> labs) {
    }

    @Operation(summary = "Make the member a member of one more lab of the network, so that its staff may record what "
                         + "they do there (the member themself, or an admin of a lab they belong to); joining a lab "
                         + "again changes nothing")
    @OpenTo(AccessRule.MEMBER_OR_LAB_ADMIN)
    @PostMapping("/api/members/{memberId}/labs")
    Memberships join(@PathVariable String memberId, @Valid @RequestBody JoinLabRequest request, Caller caller) {
        MemberId id = MemberId.of(memberId);
        Set<String> labs = labsOf(memberId);
        JoinedBy joinedBy = JoinedBy.MEMBER;
        if (!caller.isMember(memberId)) {
            caller.requireMemberOrLabAdmin(memberId, labs);
            joinedBy = JoinedBy.LAB_ADMIN;
        }
        commands.send(new JoinLab(id, LabId.of(request.labId()), joinedBy, orNow(request.joinedAt())), caller);
        directory.joined(memberId, request.labId());
        return new Memberships(memberId, List.copyOf(registrations.labsOf(id)));
    }

    @Operation(summary = "The labs the member belongs to (the member, or staff of one of them)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}/labs")
    Memberships memberships(@PathVariable String memberId, Caller caller) {
        Set<String> labs = labsOf(memberId);
        caller.requireMemberOrStaff(memberId, labs);
        return new Memberships(memberId, List.copyOf(labs));
    }

    @Operation(summary = "A member's personal data (the member, or staff of a lab they belong to)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}")
    MemberProfile profile(@PathVariable String memberId, Caller caller) {
        MemberProfile profile = homeOf(memberId);
        caller.requireMemberOrStaff(memberId, registrations.labsOf(MemberId.of(memberId), Optional.of(profile)));
        return profile;
    }

    @Operation(summary = "Erase a member's personal data for good (the member, or an admin of their lab)")
    @OpenTo(AccessRule.MEMBER_OR_LAB_ADMIN)
    @DeleteMapping("/api/members/{memberId}/personal-data")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable String memberId, Caller caller) {
        MemberProfile profile = homeOf(memberId);
        if (!caller.isMember(memberId)) {
            caller.requireLabAdmin(profile.labId());
        }
        directory.erase(memberId, profile.labId(), clock.instant());
    }

    @Operation(summary = "The member's skills passport (the member, or staff of a lab they belong to)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}/passport")
    MemberPassport passport(@PathVariable String memberId, Caller caller) {
        caller.requireMemberOrStaff(memberId, labsOf(memberId));
        MemberPassport passport = passports.find(new FindMemberPassport(MemberId.of(memberId), clock.instant()));
        if (passport == null) {
            throw NotFound.of("passport", memberId);
        }
        return passport;
    }

    @Operation(summary = "The achievements the member earned (the member, or staff of a lab they belong to)")
    @OpenTo(AccessRule.MEMBER_OR_STAFF)
    @GetMapping("/api/members/{memberId}/awards")
    MemberAwards awards(@PathVariable String memberId, Caller caller) {
        caller.requireMemberOrStaff(memberId, labsOf(memberId));
        return awards.find(new FindMemberAwards(MemberId.of(memberId)));
    }

    @Operation(summary = "Link an access card to the member for one of their labs' machines (staff of that lab); only "
                         + "its fingerprint under that lab's card key is kept")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/cards")
    ResponseEntity<Created> linkCard(@PathVariable String memberId, @Valid @RequestBody LinkCardRequest request,
                                     Caller caller) {
        String fingerprint = fingerprints.of(cardLab(memberId, request.labId(), caller), request.cardUid());
        commands.send(new LinkMemberCard(MemberId.of(memberId), fingerprint, orNow(request.linkedAt())), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(fingerprint));
    }

    @Operation(summary = "Unlink a lost or returned card (staff of the lab it was linked for)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/cards/unlink")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlinkCard(@PathVariable String memberId, @Valid @RequestBody UnlinkCardRequest request, Caller caller) {
        String fingerprint = fingerprints.of(cardLab(memberId, request.labId(), caller), request.cardUid());
        commands.send(new UnlinkMemberCard(MemberId.of(memberId), fingerprint, request.reason(),
                                           orNow(request.unlinkedAt())), caller);
    }

    @Operation(summary = "Record a completed training (a trainer of the lab, in their own name; or a lab admin naming the trainer)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/trainings")
    ResponseEntity<Created> recordTraining(@PathVariable String memberId,
                                           @Valid @RequestBody RecordTrainingRequest request, Caller caller) {
        TrainerId trainer = actingTrainer(request.labId(), request.trainerId(), caller);
        String trainingId = orGenerated(request.trainingId(), "t-");
        commands.send(new RecordTrainingCompletion(MemberId.of(memberId), TrainingId.of(trainingId),
                                                   LabId.of(request.labId()), request.courseCode(), request.hours(),
                                                   trainer, orNow(request.completedAt())), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(trainingId));
    }

    @Operation(summary = "Retract a training recorded by mistake (staff of the lab that recorded it); the record stays in "
                         + "the ledger")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/trainings/{trainingId}/retraction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retractTraining(@PathVariable String memberId, @PathVariable String trainingId,
                         @Valid @RequestBody ReasonRequest request, Caller caller) {
        staffOfRecordingLab(memberId, RecordKind.TRAINING, trainingId, caller);
        commands.send(new RetractTrainingRecord(MemberId.of(memberId), TrainingId.of(trainingId), request.reason(),
                                                orNow(request.at())), caller);
    }

    @Operation(summary = "Certify the member on a machine or machine type (a trainer qualified on it, in their own name)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/certifications")
    ResponseEntity<Created> grantCertification(@PathVariable String memberId,
                                               @Valid @RequestBody GrantCertificationRequest request, Caller caller) {
        TrainerId trainer = actingTrainer(request.labId(), request.trainerId(), caller);
        String certificationId = orGenerated(request.certificationId(), "c-");
        commands.send(new GrantMachineCertification(MemberId.of(memberId), CertificationId.of(certificationId),
                                                    LabId.of(request.labId()), request.scope().toScope(),
                                                    request.level(), request.expiry().toRule(), trainer,
                                                    orNow(request.grantedAt())), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(certificationId));
    }

    @Operation(summary = "Suspend a certification pending review (staff of the lab that granted it)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/certifications/{certificationId}/suspension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void suspendCertification(@PathVariable String memberId, @PathVariable String certificationId,
                              @Valid @RequestBody ReasonRequest request, Caller caller) {
        staffOfRecordingLab(memberId, RecordKind.CERTIFICATION, certificationId, caller);
        commands.send(new SuspendMachineCertification(MemberId.of(memberId), CertificationId.of(certificationId),
                                                      request.reason(), orNow(request.at())), caller);
    }

    @Operation(summary = "Lift a certification's suspension (staff of the lab that granted it)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/certifications/{certificationId}/reinstatement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reinstateCertification(@PathVariable String memberId, @PathVariable String certificationId,
                                @Valid @RequestBody(required = false) AtRequest request, Caller caller) {
        staffOfRecordingLab(memberId, RecordKind.CERTIFICATION, certificationId, caller);
        commands.send(new ReinstateMachineCertification(MemberId.of(memberId), CertificationId.of(certificationId),
                                                        orNow(request == null ? null : request.at())), caller);
    }

    @Operation(summary = "Revoke a certification for good (staff of the lab that granted it)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/certifications/{certificationId}/revocation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeCertification(@PathVariable String memberId, @PathVariable String certificationId,
                             @Valid @RequestBody ReasonRequest request, Caller caller) {
        staffOfRecordingLab(memberId, RecordKind.CERTIFICATION, certificationId, caller);
        commands.send(new RevokeMachineCertification(MemberId.of(memberId), CertificationId.of(certificationId),
                                                     request.reason(), orNow(request.at())), caller);
    }

    @Operation(summary = "Record a contribution to a workshop (staff of the lab where it happened)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/contributions")
    ResponseEntity<Created> recordContribution(@PathVariable String memberId,
                                               @Valid @RequestBody RecordContributionRequest request, Caller caller) {
        caller.requireLabStaff(request.labId());
        String contributionId = orGenerated(request.contributionId(), "w-");
        commands.send(new RecordWorkshopContribution(MemberId.of(memberId), ContributionId.of(contributionId),
                                                     LabId.of(request.labId()), request.workshop(), request.role(),
                                                     request.hours(), orNow(request.happenedAt())), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(contributionId));
    }

    @Operation(summary = "Retract a contribution recorded by mistake (staff of the lab where it happened)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/contributions/{contributionId}/retraction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retractContribution(@PathVariable String memberId, @PathVariable String contributionId,
                             @Valid @RequestBody ReasonRequest request, Caller caller) {
        staffOfRecordingLab(memberId, RecordKind.CONTRIBUTION, contributionId, caller);
        commands.send(new RetractWorkshopContribution(MemberId.of(memberId), ContributionId.of(contributionId),
                                                      request.reason(), orNow(request.at())), caller);
    }

    @Operation(summary = "Suspend the member from every machine (staff of the member's lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/suspension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void suspendMember(@PathVariable String memberId, @Valid @RequestBody ReasonRequest request, Caller caller) {
        staffOfHomeLab(memberId, caller);
        commands.send(new SuspendMember(MemberId.of(memberId), request.reason(), orNow(request.at())), caller);
    }

    @Operation(summary = "Lift the member's suspension (staff of the member's lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/members/{memberId}/reinstatement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reinstateMember(@PathVariable String memberId, @Valid @RequestBody(required = false) AtRequest request,
                         Caller caller) {
        staffOfHomeLab(memberId, caller);
        commands.send(new ReinstateMember(MemberId.of(memberId), orNow(request == null ? null : request.at())), caller);
    }

    /** The labs the member belongs to (see {@link LedgerRegistrations#labsOf(MemberId, Optional)}); 404 for nobody. */
    private Set<String> labsOf(String memberId) {
        Set<String> labs = registrations.labsOf(MemberId.of(memberId), directory.find(memberId));
        if (labs.isEmpty()) {
            throw NotFound.of("member", memberId);
        }
        return labs;
    }

    private MemberProfile homeOf(String memberId) {
        return directory.find(memberId).orElseThrow(() -> NotFound.of("member", memberId));
    }

    /**
     * The lab a card is linked for: the one asked, else the caller's own lab if the member belongs to it, else the
     * member's first lab; the member must belong to it (403 otherwise) and the caller be its staff.
     */
    private String cardLab(String memberId, String requestedLab, Caller caller) {
        Set<String> labs = labsOf(memberId);
        String lab = requestedLab != null ? requestedLab
                : caller.labId() != null && labs.contains(caller.labId()) ? caller.labId()
                : labs.iterator().next();
        caller.requireLabStaff(lab);
        if (!labs.contains(lab)) {
            throw new OutsideMembership("member " + memberId + " is not a member of lab " + lab
                                        + ": the member joins it first");
        }
        return lab;
    }

    /**
     * A record is corrected by staff of the lab that recorded it, and of no other lab the member belongs to; a record
     * the ledger does not know is left to staff of the member's own lab, whom the ledger then tells so.
     */
    private void staffOfRecordingLab(String memberId, RecordKind kind, String recordId, Caller caller) {
        Optional<String> recordedBy = registrations.labOfRecord(MemberId.of(memberId), kind, recordId);
        if (recordedBy.isPresent()) {
            caller.requireLabStaff(recordedBy.get());
        } else {
            staffOfHomeLab(memberId, caller);
        }
    }

    private MemberProfile staffOfHomeLab(String memberId, Caller caller) {
        MemberProfile profile = homeOf(memberId);
        caller.requireLabStaff(profile.labId());
        return profile;
    }

    /**
     * A trainer records in their own name only; a lab admin may record in a trainer's name (importing a paper
     * history, for instance) and must then say which trainer.
     */
    private static TrainerId actingTrainer(String labId, String requestedTrainer, Caller caller) {
        if (caller.has(Role.TRAINER) && Objects.equals(caller.labId(), labId)) {
            if (requestedTrainer != null && !requestedTrainer.equals(caller.trainerId())) {
                throw new org.springframework.security.access.AccessDeniedException(
                        "a trainer records in their own name only, not as trainer " + requestedTrainer);
            }
            return TrainerId.of(caller.trainerId());
        }
        caller.requireLabAdmin(labId);
        if (requestedTrainer == null) {
            throw new IllegalArgumentException("trainerId is required when an administrator records for a trainer");
        }
        return TrainerId.of(requestedTrainer);
    }

    private Instant orNow(Instant businessTime) {
        return businessTime != null ? businessTime : clock.instant();
    }

    private static String orGenerated(String id, String prefix) {
        return id != null ? id : prefix + UUID.randomUUID();
    }
}
