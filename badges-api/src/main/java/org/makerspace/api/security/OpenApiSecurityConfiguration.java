package org.makerspace.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells OpenAPI clients (and Swagger UI's "Authorize" button) that the API takes bearer credentials, and who may call
 * each operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurityConfiguration {

    static final String SCHEME = "bearer";
    /** The OpenAPI extension that states who may call an operation. */
    static final String OPEN_TO = "x-open-to";

    @Bean
    OpenApiCustomizer bearerCredentials() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .description("An access token from POST /api/auth/login, or a machine key (mk_...)"));
            openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }

    /**
     * Publishes each operation's {@link OpenTo} rule as {@code x-open-to} and in its description; a public operation
     * needs no credentials (an empty security requirement overrides the document's).
     */
    @Bean
    OperationCustomizer accessRules() {
        return (operation, handler) -> {
            OpenTo openTo = handler.getMethodAnnotation(OpenTo.class);
            if (openTo == null) {
                return operation;
            }
            operation.addExtension(OPEN_TO, openTo.value().code());
            String who = "Open to: " + openTo.value().description() + ".";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
            if (openTo.value() == AccessRule.PUBLIC) {
                operation.setSecurity(List.of());
            }
            return operation;
        };
    }
}
