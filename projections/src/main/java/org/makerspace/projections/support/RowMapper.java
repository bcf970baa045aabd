package org.makerspace.projections.support;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.makerspace.ledger.common.LedgerJson;

/**
 * Maps row records to MongoDB documents and back through the ledger's event mapping, so ids, scopes, expiry rules
 * and criteria keep the shape they have in events.
 *
 * <p>Two choices make a round trip exact: instants are ISO-8601 text (nanoseconds survive, a BSON date keeps
 * milliseconds) and decimals are text ({@code 1.50} stays {@code 1.50}, a double would not). Absent values are left
 * out rather than stored as null, so a document holds only what the row holds.
 */
public final class RowMapper {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public RowMapper() {
        ObjectMapper configured = LedgerJson.eventMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        configured.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        this.mapper = configured;
    }

    /** The document of a row, with {@code id} as its {@code _id} and the row's components after it. */
    public Document toDocument(String id, Object row) {
        Objects.requireNonNull(id, "id");
        Document document = new Document("_id", id);
        document.putAll(mapper.convertValue(row, FIELDS));
        return document;
    }

    /** The row a document holds; {@code _id} is ignored, rows carry their own id. */
    public <T> T toRow(Document document, Class<T> type) {
        return mapper.convertValue(document, type);
    }
}
