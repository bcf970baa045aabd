package org.makerspace.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <credential>}: a machine key when it starts with
 * {@value MachineKeys#PREFIX}, an access token otherwise. A request without a bearer credential goes on anonymous
 * (public paths serve it, the others answer 401); one with a credential that is not accepted is answered 401 at once,
 * whatever the path, as RFC 6750 asks.
 */
final class BearerCredentialFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final AccessTokens tokens;
    private final MachineKeys machineKeys;
    private final SecurityProblems problems;
    private final AuthThrottle throttle;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerCredentialFilter(AccessTokens tokens, MachineKeys machineKeys, SecurityProblems problems,
                           AuthThrottle throttle) {
        this.tokens = tokens;
        this.machineKeys = machineKeys;
        this.problems = problems;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        String credential = header.substring(SCHEME.length()).trim();
        boolean machineKey = credential.startsWith(MachineKeys.PREFIX);
        Optional<CallerAuthentication> authentication = machineKey
                ? machineKeys.authenticate(credential)
                : tokens.authenticate(credential);
        if (authentication.isEmpty()) {
            contexts.clearContext();
            OptionalLong wait = throttle.refused(request);
            if (wait.isPresent()) {
                problems.tooManyFailures(request, response, wait.getAsLong(), throttle.perMinute());
                return;
            }
            problems.commence(request, response, new SecurityProblems.InvalidCredential(
                    machineKey ? "the machine key is unknown or was replaced by a newer one"
                            : "the token is unknown, expired or logged out: log in again"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication.get());
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
