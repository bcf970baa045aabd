package org.makerspace.api.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells OpenAPI clients (and Swagger UI's "Authorize" button) that the API takes bearer credentials. */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurityConfiguration {

    static final String SCHEME = "bearer";

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
}
