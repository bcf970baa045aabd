package org.makerspace.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.makerspace.api.audience.OpenTo;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The HTTP security of the application: stateless bearer credentials (no session, no cookie, hence no CSRF token on
 * the API), a handful of public paths, the metrics for platform administrators only, and refusals as problems.
 *
 * <p>Under {@code /api}, an operation is public when its {@link OpenTo} rule says so ({@link PublicOperations});
 * {@link AccessRuleInterceptor} then checks every other rule by role. Paths outside {@code /api} and {@code /actuator}
 * are public: web pages, their assets, and the Open Badges
 * documents that verifiers fetch anonymously.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Argon2id with Spring Security 5.8's parameters (16 MiB, 2 iterations): slow on purpose, hence bearer tokens. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessTokens tokens, MachineKeys machineKeys,
                                            AuthThrottle throttle, ObjectMapper json, ApplicationContext context)
            throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        PublicOperations publicOperations = new PublicOperations(
                () -> context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(paths -> paths
                        // A stream (SSE) ends with an async dispatch of a request already authorised when it
                        // started; the bearer filter does not run again for it, so it would read as anonymous.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        // Operations whose @OpenTo says PUBLIC: logging in, verifying a credential, a lab's
                        // catalogue and partners, a badge definition...
                        .requestMatchers(publicOperations).permitAll()
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.PLATFORM_ADMIN.name())
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new BearerCredentialFilter(tokens, machineKeys, problems, throttle),
                                 AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
