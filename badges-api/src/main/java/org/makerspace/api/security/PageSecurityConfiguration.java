package org.makerspace.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security of the staff pages ({@code /app/**}): a login form, a session cookie, a CSRF token on every form and
 * htmx request, logout, and a strict Content-Security-Policy (no inline script, everything from the application). The
 * same accounts and the same throttling of wrong passwords as the API, whose bearer chain is unchanged; the same
 * {@link Caller} in the session, so pages check who may open them with the API's rules.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** What the pages may load: our own scripts, styles and images, nothing inline, nothing from elsewhere. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain pageSecurity(HttpSecurity http, Accounts accounts, AuthThrottle throttle) throws Exception {
        // Too many wrong passwords from this address, or a wrong one: the login page says which.
        AuthenticationFailureHandler refused = (request, response, failure) -> response.sendRedirect(
                request.getContextPath() + (failure instanceof LockedException ? "/login?throttled" : "/login?error"));
        http.securityMatcher("/app/**", "/login", "/logout", "/")
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/login", "/").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app", true).failureHandler(refused))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authenticationManager(new ProviderManager(List.of(new AccountPasswords(accounts, throttle))));
        return http.build();
    }

    /**
     * Checks a login form's password against the accounts, as {@code POST /api/auth/login} does: a token from the
     * address's bucket first, given back when the password is right.
     */
    private record AccountPasswords(Accounts accounts, AuthThrottle throttle) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication login) {
            HttpServletRequest request =
                    ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            if (throttle.attempt(request).isPresent()) {
                throw new LockedException("too many wrong passwords from this address");
            }
            String password = String.valueOf(login.getCredentials());
            Account account = accounts.authenticate(login.getName(), password)
                    .orElseThrow(() -> new BadCredentialsException("wrong username or password"));
            throttle.succeeded(request);
            Caller caller = account.caller();
            return UsernamePasswordAuthenticationToken.authenticated(
                    caller, null, caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                            .toList());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
