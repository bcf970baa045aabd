package org.makerspace.api.lab.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.card.CardFingerprints;
import org.makerspace.api.lab.MachineIds;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.api.security.IssuedMachineKey;
import org.makerspace.api.security.MachineKeys;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.PutMachineOutOfService;
import org.makerspace.ledger.lab.api.QualifyTrainer;
import org.makerspace.ledger.lab.api.RegisterLab;
import org.makerspace.ledger.lab.api.RegisterMachine;
import org.makerspace.ledger.lab.api.RegisterTrainer;
import org.makerspace.ledger.lab.api.ReturnMachineToService;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.WithdrawTrainerQualification;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindMachine;
import org.makerspace.projections.catalog.MachineView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Labs, their trainers and machines: the platform admin registers labs, a lab's admins run the rest. */
@RestController
@Tag(name = "labs", description = "Labs, trainers and their qualifications, machines and their keys")
class LabController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    private static final String ID_MESSAGE = "must be 1-100 letters, digits, '.', '_', ':' or '-'";

    private final LedgerCommands commands;
    private final MachineKeys machineKeys;
    private final CardFingerprints fingerprints;
    private final CatalogProjection catalog;
    private final MachineIds machineIds;
    private final Clock clock;

    LabController(LedgerCommands commands, MachineKeys machineKeys, CardFingerprints fingerprints,
                  CatalogProjection catalog, MachineIds machineIds, Clock clock) {
        this.commands = commands;
        this.machineKeys = machineKeys;
        this.fingerprints = fingerprints;
        this.catalog = catalog;
        this.machineIds = machineIds;
        this.clock = clock;
    }

    record Created(String id) {
    }

    record RegisterLabRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String labId,
                              @NotBlank @Size(max = 200) String name,
                              @NotBlank @Size(max = 500) String publicUrl,
                              @Email @Size(max = 200) String contactEmail) {
    }

    record RegisterTrainerRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String trainerId) {
    }

    record QualificationRequest(@NotBlank String machineType) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RegisterMachineRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String machineId,
                                  @NotBlank @Size(max = 200) String name,
                                  @NotBlank String machineType,
                                  @NotNull RiskLevel riskLevel,
                                  @Min(1) @Max(1440) int maxSessionMinutes,
                                  Instant inServiceSince) {
    }

    record OutOfServiceRequest(@NotBlank @Size(max = 500) String reason, Instant since) {
    }

    record BackInServiceRequest(Instant since) {
    }

    @Operation(summary = "Register a lab (platform admin)")
    @OpenTo(AccessRule.PLATFORM_ADMIN)
    @PostMapping("/api/labs")
    ResponseEntity<Created> registerLab(@Valid @RequestBody RegisterLabRequest request, Caller caller) {
        caller.requirePlatformAdmin();
        commands.send(new RegisterLab(LabId.of(request.labId()), request.name(), request.publicUrl(),
                                      request.contactEmail()), caller);
        return ResponseEntity.created(URI.create("/api/labs/" + request.labId())).body(new Created(request.labId()));
    }

    @Operation(summary = "Register a trainer in the lab (lab admin); the trainer's login is an account of role TRAINER")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/trainers")
    @ResponseStatus(HttpStatus.CREATED)
    Created registerTrainer(@PathVariable String labId, @Valid @RequestBody RegisterTrainerRequest request,
                            Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new RegisterTrainer(LabId.of(labId), TrainerId.of(request.trainerId())), caller);
        return new Created(request.trainerId());
    }

    @Operation(summary = "Let a trainer train and certify on a machine type (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/trainers/{trainerId}/qualifications")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void qualifyTrainer(@PathVariable String labId, @PathVariable String trainerId,
                        @Valid @RequestBody QualificationRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new QualifyTrainer(LabId.of(labId), TrainerId.of(trainerId), MachineType.of(request.machineType())),
                      caller);
    }

    @Operation(summary = "Withdraw a trainer's qualification on a machine type (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/trainers/{trainerId}/qualifications/{machineType}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawQualification(@PathVariable String labId, @PathVariable String trainerId,
                               @PathVariable String machineType, @Valid @RequestBody WithdrawalRequest request,
                               Caller caller) {
        caller.requireLabAdmin(labId);
        commands.send(new WithdrawTrainerQualification(LabId.of(labId), TrainerId.of(trainerId),
                                                       MachineType.of(machineType), request.reason()), caller);
    }

    @Operation(summary = "Register a machine in the lab (lab admin)")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/machines")
    ResponseEntity<Created> registerMachine(@PathVariable String labId,
                                            @Valid @RequestBody RegisterMachineRequest request, Caller caller) {
        caller.requireLabAdmin(labId);
        // Controllers and machine keys address a machine by its id alone, so an id stays with the first lab: claimed
        // under a unique key before the registration is sent (the catalogue still answers for machines registered
        // before claims were kept).
        MachineView taken = catalog.find(new FindMachine(MachineId.of(request.machineId())));
        if (taken != null && !taken.labId().toString().equals(labId)) {
            throw MachineIds.taken(MachineId.of(request.machineId()));
        }
        machineIds.claim(MachineId.of(request.machineId()), LabId.of(labId));
        commands.send(new RegisterMachine(LabId.of(labId), MachineId.of(request.machineId()), request.name(),
                                          MachineType.of(request.machineType()), request.riskLevel(),
                                          request.maxSessionMinutes(), orNow(request.inServiceSince())), caller);
        return ResponseEntity.created(URI.create("/api/machines/" + request.machineId()))
                .body(new Created(request.machineId()));
    }

    @Operation(summary = "Take a machine out of service (staff of the lab: any trainer may stop an unsafe machine)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/labs/{labId}/machines/{machineId}/out-of-service")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putOutOfService(@PathVariable String labId, @PathVariable String machineId,
                         @Valid @RequestBody OutOfServiceRequest request, Caller caller) {
        caller.requireLabStaff(labId);
        commands.send(new PutMachineOutOfService(LabId.of(labId), MachineId.of(machineId), request.reason(),
                                                 orNow(request.since())), caller);
    }

    @Operation(summary = "Return a machine to service (staff of the lab)")
    @OpenTo(AccessRule.LAB_STAFF)
    @PostMapping("/api/labs/{labId}/machines/{machineId}/back-in-service")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnToService(@PathVariable String labId, @PathVariable String machineId,
                         @Valid @RequestBody(required = false) BackInServiceRequest request, Caller caller) {
        caller.requireLabStaff(labId);
        commands.send(new ReturnMachineToService(LabId.of(labId), MachineId.of(machineId),
                                                 orNow(request == null ? null : request.since())), caller);
    }

    /**
     * What a controller is set up with: its key (shown once) and the lab's card key (base64), with which it
     * fingerprints cards itself so that no card UID leaves it.
     */
    record ControllerSetup(String key, String labId, String machineId, Instant createdAt, String cardKey) {
    }

    @Operation(summary = "Issue the machine's controller key (lab admin); earlier keys of the machine stop working. "
            + "The key is shown once, with the lab's card key.")
    @OpenTo(AccessRule.LAB_ADMIN)
    @PostMapping("/api/labs/{labId}/machines/{machineId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    ControllerSetup issueMachineKey(@PathVariable String labId, @PathVariable String machineId, Caller caller) {
        caller.requireLabAdmin(labId);
        MachineView machine = catalog.find(new FindMachine(MachineId.of(machineId)));
        if (machine == null || !machine.labId().toString().equals(labId)) {
            throw NotFound.of("machine of lab " + labId, machineId);
        }
        IssuedMachineKey issued = machineKeys.issue(labId, machineId);
        return new ControllerSetup(issued.key(), issued.labId(), issued.machineId(), issued.createdAt(),
                                   Base64.getEncoder().encodeToString(fingerprints.labKey(labId)));
    }

    private Instant orNow(Instant businessTime) {
        return businessTime != null ? businessTime : clock.instant();
    }
}
