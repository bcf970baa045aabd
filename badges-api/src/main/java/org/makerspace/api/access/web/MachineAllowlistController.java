package org.makerspace.api.access.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.access.AllowlistUnavailable;
import org.makerspace.api.access.MachineAllowlists;
import org.makerspace.api.access.SignedAllowlist;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.problem.Problems;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.machine.protocol.AllowlistJws;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.MachineState;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What a controller box keeps so that it can decide without the server, and how it hears of changes at once: its
 * machine's signed allowlist, and a stream of the list's changes. For the machine's own key only: the list names who
 * may use the machine, by card fingerprint, which is nobody else's business, and staff read it by member id at
 * {@code /api/machines/{machineId}/access-list}.
 */
@RestController
@Tag(name = "machine access")
class MachineAllowlistController {

    static final MediaType ALLOWLIST = MediaType.parseMediaType(AllowlistJws.MEDIA_TYPE);
    /** Each answer is fresh for its caller only: a shared cache must not keep it, the controller revalidates. */
    private static final CacheControl PRIVATE_REVALIDATED = CacheControl.noCache().cachePrivate();

    private final MachineAllowlists allowlists;
    private final AccessProjection access;

    MachineAllowlistController(MachineAllowlists allowlists, AccessProjection access) {
        this.allowlists = allowlists;
        this.access = access;
    }

    /**
     * The signed allowlist, with a strong ETag; {@code If-None-Match} with it answers 304 without a body, which is
     * what a controller polls with.
     */
    @Operation(summary = "The machine's signed offline allowlist, a compact JWS (its own key only)")
    @OpenTo(AccessRule.MACHINE)
    @GetMapping("/api/machines/{machineId}/allowlist")
    ResponseEntity<String> allowlist(@PathVariable String machineId, Caller caller) {
        MachineId machine = ownMachine(machineId, caller);
        SignedAllowlist signed = allowlists.current(machine).orElseThrow(() -> NotFound.of("machine", machineId));
        // Spring answers 304 itself when If-None-Match names this ETag.
        return ResponseEntity.ok().contentType(ALLOWLIST).eTag(signed.etag()).cacheControl(PRIVATE_REVALIDATED)
                .body(signed.compact());
    }

    /**
     * Server-Sent Events: {@code allowlist} first (the current document's version and ETag), then {@code change} for
     * each change of the list, {@code allowlist} again when a fresher document is signed, comments as heartbeats.
     */
    @Operation(summary = "A stream of the machine's allowlist changes as Server-Sent Events (its own key only)")
    @OpenTo(AccessRule.MACHINE)
    @GetMapping(value = "/api/machines/{machineId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> stream(@PathVariable String machineId, Caller caller) {
        MachineId machine = ownMachine(machineId, caller);
        SseEmitter emitter = allowlists.open(machine).orElseThrow(() -> NotFound.of("machine", machineId));
        // A buffering reverse proxy (nginx) would hold the events back; this asks it not to.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("X-Accel-Buffering", "no")
                .body(emitter);
    }

    /**
     * Only the machine's own key, of the machine's own lab: machine ids are unique across labs, but the key's lab is
     * checked too rather than trusted to that. Asked before the machine is looked up, so that nobody else learns which
     * machines exist.
     */
    private MachineId ownMachine(String machineId, Caller caller) {
        caller.requireMachine(machineId);
        MachineId machine = MachineId.of(machineId);
        MachineState state = access.model().machine(machine).orElseThrow(() -> NotFound.of("machine", machineId));
        caller.requireMachine(state.labId().value(), machineId);
        return machine;
    }

    @ExceptionHandler(AllowlistUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(AllowlistUnavailable e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "allowlist-unavailable", e.getMessage(),
                                       request));
    }
}
