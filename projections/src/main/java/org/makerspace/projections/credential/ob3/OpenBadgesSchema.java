package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The 1EdTech JSON schema of an AchievementCredential (Open Badges 3.0, VC Data Model 2.0; draft 2019-09), bundled
 * with the contexts (see {@code contexts/SOURCES.md}). Formats such as date-time are asserted, not just annotated.
 */
public final class OpenBadgesSchema {

    private static final String FILE =
            "/org/makerspace/projections/credential/schemas/ob_v3p0_achievementcredential_schema.json";
    private static final JsonSchema SCHEMA = load();

    private OpenBadgesSchema() {
    }

    /** Every way the credential breaks the schema, sorted; empty when it is valid. */
    public static List<String> errors(JsonNode credential) {
        Set<ValidationMessage> messages = SCHEMA.validate(credential);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = OpenBadgesSchema.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled Open Badges schema " + FILE + " is missing");
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
