package org.makerspace.api.openbadges.verify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.OptionalLong;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ratelimit.ClientRateLimit;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public verification: anyone may ask, within a rate per client address, whether a credential holds. The body is the
 * credential itself, in any of {@link CredentialIntake}'s media types; the answer is 200 with the checks whether the
 * credential holds or not, and a problem only when the request itself is refused.
 */
@RestController
@Tag(name = "verification", description = "Verify Open Badges 3.0 credentials of our labs and their partners")
class VerifyController {

    private final NetworkVerifier verifier;
    private final CredentialIntake intake;
    private final ClientRateLimit rateLimit;
    private final OwnCredentialStatus ownStatus;
    private final Clock clock;

    VerifyController(NetworkVerifier verifier, CredentialIntake intake, ClientRateLimit rateLimit,
                     OwnCredentialStatus ownStatus, Clock clock) {
        this.ownStatus = ownStatus;
        this.verifier = verifier;
        this.intake = intake;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    @Operation(summary = "Verify a credential: JSON-LD, compact JWT, or baked into a PNG or SVG (public, rate-limited)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The credential: JSON-LD, a compact VC-JWT, or a PNG or SVG badge it is baked into", required = true,
            content = {@Content(mediaType = CredentialIntake.VC_LD_JSON), @Content(mediaType = "application/json"),
                    @Content(mediaType = CredentialIntake.VC_JWT), @Content(mediaType = "text/plain"),
                    @Content(mediaType = CredentialIntake.PNG), @Content(mediaType = CredentialIntake.SVG)})
    @OpenTo(AccessRule.PUBLIC)
    @PostMapping(path = "/api/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, CredentialIntake.LD_JSON,
            CredentialIntake.VC_LD_JSON, MediaType.TEXT_PLAIN_VALUE, CredentialIntake.JWT, CredentialIntake.VC_JWT,
            CredentialIntake.PNG, CredentialIntake.SVG}, produces = MediaType.APPLICATION_JSON_VALUE)
    VerificationAnswer verify(HttpServletRequest request) throws IOException {
        OptionalLong wait = rateLimit.acquire(ClientRateLimit.clientOf(request.getRemoteAddr()));
        if (wait.isPresent()) {
            throw VerifyProblem.tooManyRequests(wait.getAsLong(), rateLimit.perMinute());
        }
        PresentedCredential presented = intake.read(request);
        VerificationReport report = verifier.verify(presented, clock.instant());
        return VerificationAnswer.of(report, presented, ownStatus.since(report).orElse(null));
    }
}
