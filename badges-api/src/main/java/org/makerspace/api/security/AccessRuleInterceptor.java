package org.makerspace.api.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an operation's {@link OpenTo} rule by role before its request body is read, so that a caller who may not
 * call it learns nothing about what a valid body would be; an operation under {@code /api} that states no rule is
 * refused to everyone. The operation then checks the scope (which lab, member or machine).
 */
class AccessRuleInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRuleInterceptor.class);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // A stream's async dispatch belongs to a request checked when it started, and reads as anonymous.
        if (request.getDispatcherType() == DispatcherType.ASYNC || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        OpenTo openTo = method.getMethodAnnotation(OpenTo.class);
        if (openTo == null) {
            if (request.getRequestURI().startsWith("/api/")) {
                log.error("{} states no @OpenTo rule: refused to everyone", method.getShortLogMessage());
                throw new AccessDeniedException("this operation is not open to anyone");
            }
            return true;
        }
        if (openTo.value() == AccessRule.PUBLIC) {
            return true;
        }
        Caller caller = Caller.current();
        if (!admitsRoleOf(openTo.value(), caller)) {
            throw new AccessDeniedException("requires " + openTo.value().description());
        }
        return true;
    }

    /** Whether the caller has a role the rule may let in; which lab, member or machine is the operation's check. */
    static boolean admitsRoleOf(AccessRule rule, Caller caller) {
        return switch (rule) {
            case PUBLIC, SIGNED_IN -> true;
            case ACCOUNT -> !caller.has(Role.MACHINE);
            case PLATFORM_ADMIN -> caller.isPlatformAdmin();
            case LAB_ADMIN -> caller.isPlatformAdmin() || caller.has(Role.LAB_ADMIN);
            case LAB_STAFF -> admitsRoleOf(AccessRule.LAB_ADMIN, caller) || caller.has(Role.TRAINER);
            case MEMBER -> caller.has(Role.LEARNER);
            case MEMBER_OR_STAFF -> caller.has(Role.LEARNER) || admitsRoleOf(AccessRule.LAB_STAFF, caller);
            case MEMBER_OR_LAB_ADMIN -> caller.has(Role.LEARNER) || admitsRoleOf(AccessRule.LAB_ADMIN, caller);
            case MACHINE -> caller.has(Role.MACHINE);
        };
    }
}
