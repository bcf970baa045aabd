package org.makerspace.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The operations whose {@link OpenTo} rule is {@link AccessRule#PUBLIC}, for the security filter to let anonymous
 * requests reach them: read from the controllers themselves, so that the list cannot drift from what they state.
 * Built at the first request, once every controller is mapped.
 */
class PublicOperations implements RequestMatcher {

    private final Supplier<RequestMappingHandlerMapping> mappings;
    private volatile List<RequestMatcher> publicOperations;

    PublicOperations(Supplier<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        for (RequestMatcher operation : operations()) {
            if (operation.matches(request)) {
                return true;
            }
        }
        return false;
    }

    private List<RequestMatcher> operations() {
        List<RequestMatcher> operations = publicOperations;
        if (operations == null) {
            operations = read();
            publicOperations = operations;
        }
        return operations;
    }

    /**
     * A path whose every operation is public is matched whatever the method, so that a wrong method is answered 405
     * rather than 401; on a path that also has non-public operations, only the public methods are.
     */
    private List<RequestMatcher> read() {
        Map<String, Boolean> everyOperationPublic = new HashMap<>();
        Map<String, List<HttpMethod>> publicMethods = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.get().getHandlerMethods().entrySet()) {
            OpenTo openTo = mapping.getValue().getMethodAnnotation(OpenTo.class);
            boolean isPublic = openTo != null && openTo.value() == AccessRule.PUBLIC;
            RequestMappingInfo info = mapping.getKey();
            for (String pattern : info.getPatternValues()) {
                everyOperationPublic.merge(pattern, isPublic, Boolean::logicalAnd);
                if (isPublic) {
                    List<HttpMethod> methods = publicMethods.computeIfAbsent(pattern, any -> new ArrayList<>());
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> methods.add(HttpMethod.valueOf(method.name())));
                }
            }
        }
        List<RequestMatcher> operations = new ArrayList<>();
        publicMethods.forEach((pattern, methods) -> {
            if (everyOperationPublic.get(pattern) || methods.isEmpty()) {
                operations.add(PathPatternRequestMatcher.withDefaults().matcher(pattern));
            } else {
                methods.forEach(method -> operations.add(
                        PathPatternRequestMatcher.withDefaults().matcher(method, pattern)));
            }
        });
        return List.copyOf(operations);
    }
}
