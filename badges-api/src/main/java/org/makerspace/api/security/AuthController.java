package org.makerspace.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.OptionalLong;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.security.CallerAuthentication.Credential;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login and logout: a password is checked once, at login, and exchanged for a bearer token. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    /** Credentials of an account; the username is case-insensitive. */
    record LoginRequest(@NotBlank @Size(max = 64) String username,
                        @NotBlank @Size(max = Accounts.MAX_PASSWORD_LENGTH) String password) {
    }

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final AuthThrottle throttle;

    AuthController(Accounts accounts, AccessTokens tokens, AuthThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /**
     * 200 with a token, or 401 with the same message whether the username is unknown or the password wrong; 429
     * once the address has sent too many wrong passwords lately.
     */
    @OpenTo(AccessRule.PUBLIC)
    @PostMapping("/login")
    AccessTokenView login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        OptionalLong wait = throttle.attempt(http);
        if (wait.isPresent()) {
            throw AuthProblem.tooManyFailures(wait.getAsLong(), throttle.perMinute());
        }
        Optional<Account> account = accounts.authenticate(request.username(), request.password());
        if (account.isEmpty()) {
            throw AuthProblem.loginRefused();
        }
        throttle.succeeded(http);
        return AccessTokenView.of(tokens.issue(account.get()), account.get());
    }

    /** Revokes the token the request carries; 204. */
    @OpenTo(AccessRule.ACCOUNT)
    @PostMapping("/logout")
    ResponseEntity<Void> logout() {
        CallerAuthentication authentication = CallerAuthentication.current()
                .orElseThrow(() -> new AccessDeniedException("nothing to log out"));
        if (authentication.credential() != Credential.ACCESS_TOKEN) {
            throw new AccessDeniedException("a machine key is not logged out but replaced by issuing a new one");
        }
        tokens.revoke(authentication.credentialHash());
        return ResponseEntity.noContent().build();
    }
}
