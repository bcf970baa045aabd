package org.makerspace.api.testing;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the shared test context adds to the application: the probe endpoints. */
@TestConfiguration(proxyBeanMethods = false)
public class ApiTestConfiguration {

    /**
     * Endpoints that exist only in tests, standing in for the controllers other features will write: they check
     * access with {@link Caller} and throw what those controllers will throw. Nested here so that component scanning
     * skips it (the test filter excludes test configurations and their nested classes) while importing this
     * configuration registers it, as Spring registers the component classes nested in a configuration.
     */
    @RestController
    @RequestMapping("/api/test-probe")
    public static class ProbeController {

        /** An exception that declares its status, as some libraries' exceptions do. */
        @ResponseStatus(value = HttpStatus.GONE, reason = "this probe left for good")
        static class Gone extends RuntimeException {

            private static final long serialVersionUID = 1L;
        }

        /** A body with constraints, for validation problems. */
        public record Echo(@NotBlank String name, @Min(1) int count) {
        }

        @OpenTo(AccessRule.MACHINE)
        @GetMapping("/labs/{labId}/machines/{machineId}")
        Map<String, String> machineOnly(Caller caller, @PathVariable String labId, @PathVariable String machineId) {
            caller.requireMachine(labId, machineId);
            return Map.of("machineId", caller.machineId());
        }

        @OpenTo(AccessRule.LAB_STAFF)
        @GetMapping("/labs/{labId}/staff")
        Map<String, String> staffOnly(Caller caller, @PathVariable String labId) {
            caller.requireLabStaff(labId);
            return Map.of("username", caller.username());
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/count")
        Map<String, Integer> count(@RequestParam int limit) {
            return Map.of("limit", limit);
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @PostMapping("/echo")
        Echo echo(@Valid @RequestBody Echo echo) {
            return echo;
        }

        /** A constrained path variable makes Spring validate the whole method, the body with it. */
        @OpenTo(AccessRule.SIGNED_IN)
        @PostMapping("/echo/{tag}")
        Echo echoTagged(@PathVariable @Pattern(regexp = "[a-z]+") String tag, @Valid @RequestBody Echo echo) {
            return echo;
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/refuse")
        void refuse() {
            throw new IllegalArgumentException("count must be positive, but was -1");
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/missing")
        void missing() {
            throw NotFound.of("machine", "laser-9");
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/missing-aggregate")
        void missingAggregate() {
            throw new AggregateNotFoundException("lab-404", "The aggregate was not found in the event store");
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/concurrent")
        void concurrent() {
            throw new ConcurrencyException("sequence 7 of lab-1 is taken");
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/gone")
        void gone() {
            throw new Gone();
        }

        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/crash")
        void crash() {
            throw new IllegalStateException("internal detail that must not reach the client");
        }

        /** An error sent to the servlet container, as a filter or a library may, answered by {@code /error}. */
        @OpenTo(AccessRule.SIGNED_IN)
        @GetMapping("/send-error")
        void sendError(@RequestParam int status, HttpServletResponse response) throws IOException {
            response.sendError(status, "internal detail that must not reach the client");
        }
    }
}
