package org.makerspace.api.input;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI description state the bounds the server enforces, where springdoc alone does not: the years of
 * {@link BusinessTime} on every instant a request takes (a {@code date-time} string has no minimum in JSON Schema, so
 * the description says it), and exclusive bounds such as {@code @DecimalMin(value = "0", inclusive = false)}, which
 * springdoc marks in the OpenAPI 3.0 way ({@code exclusiveMinimum: true}) that a 3.1 document drops, leaving a
 * {@code minimum} the server refuses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiBoundsConfiguration {

    static final String INSTANT_BOUNDS = "A business time, " + BusinessTime.BOUNDS + ".";

    @Bean
    @SuppressWarnings("rawtypes") // as swagger's model hands its schemas out
    OpenApiCustomizer publishedBounds() {
        return openApi -> {
            Map<String, Schema> components = openApi.getComponents() == null ? null
                    : openApi.getComponents().getSchemas();
            if (components != null) {
                components.values().forEach(schema -> visit(schema, OpenApiBoundsConfiguration::exclusiveBounds,
                                                            Map.of(), new HashSet<>()));
            }
            Map<String, Schema> named = components == null ? Map.of() : components;
            for (Operation operation : operations(openApi)) {
                Content body = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
                if (body != null) {
                    body.values().forEach(media -> visit(media.getSchema(), OpenApiBoundsConfiguration::instantBounds,
                                                         named, new HashSet<>()));
                }
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().map(Parameter::getSchema)
                            .forEach(schema -> visit(schema, OpenApiBoundsConfiguration::instantBounds, named,
                                                     new HashSet<>()));
                }
            }
        };
    }

    private static List<Operation> operations(OpenAPI openApi) {
        List<Operation> operations = new ArrayList<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> operations.addAll(path.readOperations()));
        }
        return operations;
    }

    private interface Fix {
        void apply(Schema<?> schema);
    }

    /** Applies the fix to the schema and to every schema inside it, following references to named ones. */
    @SuppressWarnings("rawtypes")
    private static void visit(Schema<?> schema, Fix fix, Map<String, Schema> named, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            visit(named.get(name), fix, named, seen);
            return;
        }
        fix.apply(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> visit(property, fix, named, seen));
        }
        visit(schema.getItems(), fix, named, seen);
        for (List<Schema> choices : List.of(nonNull(schema.getOneOf()), nonNull(schema.getAllOf()),
                                            nonNull(schema.getAnyOf()))) {
            choices.forEach(choice -> visit(choice, fix, named, seen));
        }
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private static void instantBounds(Schema<?> schema) {
        if (!"date-time".equals(schema.getFormat())) {
            return;
        }
        String description = schema.getDescription();
        if (description == null || description.isBlank()) {
            schema.setDescription(INSTANT_BOUNDS);
        } else if (!description.contains(BusinessTime.BOUNDS)) {
            schema.setDescription(description + " " + INSTANT_BOUNDS);
        }
    }

    private static void exclusiveBounds(Schema<?> schema) {
        if (Boolean.TRUE.equals(schema.getExclusiveMinimum()) && schema.getMinimum() != null) {
            schema.setExclusiveMinimumValue(schema.getMinimum());
            schema.setMinimum(null);
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.TRUE.equals(schema.getExclusiveMaximum()) && schema.getMaximum() != null) {
            schema.setExclusiveMaximumValue(schema.getMaximum());
            schema.setMaximum(null);
            schema.setExclusiveMaximum(null);
        }
    }
}
