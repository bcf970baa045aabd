package org.makerspace.api.rebuild.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.rebuild.ProcessorRebuilds;
import org.makerspace.api.rebuild.ProcessorState;
import org.makerspace.api.rebuild.RebuildProgress;
import org.makerspace.api.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The streaming processors and their rebuilds, for the platform admin only (not lab admins, trainers, learners or
 * machine keys): a rebuild replays the whole ledger for every lab of the instance.
 */
@RestController
class ProcessorAdminController {

    private final ProcessorRebuilds rebuilds;

    ProcessorAdminController(ProcessorRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Every streaming processor, its position against the ledger's head, who holds its segments, "
                         + "and its rebuild if one was started on this node (platform admin)")
    @OpenTo(AccessRule.PLATFORM_ADMIN)
    @GetMapping("/api/admin/processors")
    List<ProcessorState> processors(Caller caller) {
        caller.requirePlatformAdmin();
        return rebuilds.states();
    }

    @Operation(summary = "One processor and its rebuild's progress (platform admin)")
    @OpenTo(AccessRule.PLATFORM_ADMIN)
    @GetMapping("/api/admin/processors/{name}")
    ProcessorState processor(@PathVariable String name, Caller caller) {
        caller.requirePlatformAdmin();
        return rebuilds.state(name);
    }

    @Operation(summary = "Rebuild one processor's read models from the ledger: 202 with its progress; 409 "
                         + "processor-claimed while another node holds it, rebuild-running while it is rebuilt "
                         + "(platform admin)")
    @OpenTo(AccessRule.PLATFORM_ADMIN)
    @PostMapping("/api/admin/processors/{name}/rebuild")
    ResponseEntity<RebuildProgress> rebuild(@PathVariable String name, Caller caller) {
        caller.requirePlatformAdmin();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuild(name));
    }

    @Operation(summary = "Rebuild every read model from the ledger: 202 with each processor's progress (platform admin)")
    @OpenTo(AccessRule.PLATFORM_ADMIN)
    @PostMapping("/api/admin/processors/rebuild")
    ResponseEntity<List<RebuildProgress>> rebuildAll(Caller caller) {
        caller.requirePlatformAdmin();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilds.rebuildAll());
    }
}
