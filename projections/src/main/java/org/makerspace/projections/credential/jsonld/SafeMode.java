package org.makerspace.projections.credential.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON-LD safe mode, enforced here because a canonicaliser silently drops what it cannot map to RDF, and a proof
 * over what is left would sign less than the document shows. A document is safe when expansion, with undefined
 * terms an error, succeeds and leaves no relative IRI as a type, node id or property: those never reach RDF.
 */
public final class SafeMode {

    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.*)]");
    /** Expansion of a credential takes milliseconds; this bounds a hostile document. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private SafeMode() {
    }

    /** Options for every JSON-LD operation here: the given loader only, undefined terms an error, bounded time. */
    public static JsonLdOptions options(DocumentLoader loader) {
        JsonLdOptions options = new JsonLdOptions(loader);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        options.setTimeout(TIMEOUT);
        return options;
    }

    /**
     * Every reason the document is not safe; empty when it is. A failure to load a context is reported too, but the
     * context policy should have refused such a document before.
     */
    public static List<String> violations(JsonObject document, DocumentLoader loader) {
        JsonArray expanded;
        try {
            expanded = JsonLd.expand(JsonDocument.of(document)).options(options(loader)).get();
        } catch (JsonLdError e) {
            return List.of(describe(e));
        }
        List<String> violations = new ArrayList<>();
        walk(expanded, violations);
        return violations;
    }

    static String describe(JsonLdError e) {
        if (e.getCode() == JsonLdErrorCode.UNDEFINED_TERM) {
            Matcher term = BRACKETED.matcher(String.valueOf(e.getMessage()));
            return "undefined term '" + (term.find() ? term.group(1) : "?") + "': no context defines it";
        }
        return "not valid JSON-LD (" + e.getCode() + "): " + e.getMessage();
    }

    private static void walk(JsonValue value, List<String> violations) {
        if (value instanceof JsonArray array) {
            array.forEach(item -> walk(item, violations));
        } else if (value instanceof JsonObject object) {
            if (object.containsKey("@value")) {
                requireAbsolute(object.get("@type"), "datatype", violations);
                return;
            }
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                String key = entry.getKey();
                switch (key) {
                    case "@id" -> requireAbsolute(entry.getValue(), "node id", violations);
                    case "@type" -> requireAbsolute(entry.getValue(), "type", violations);
                    default -> {
                        if (!key.startsWith("@") && !isAbsoluteOrBlank(key)) {
                            violations.add("property '" + key + "' is not an absolute IRI: it would be dropped");
                        }
                        walk(entry.getValue(), violations);
                    }
                }
            }
        }
    }

    private static void requireAbsolute(JsonValue value, String what, List<String> violations) {
        if (value instanceof JsonArray array) {
            array.forEach(item -> requireAbsolute(item, what, violations));
        } else if (value instanceof JsonString text && !isAbsoluteOrBlank(text.getString())) {
            String hint = what.equals("type") ? "undefined type" : "relative " + what;
            violations.add(hint + " '" + text.getString() + "': it would be dropped from the signed data");
        }
    }

    private static boolean isAbsoluteOrBlank(String iri) {
        return iri.startsWith("_:") || ABSOLUTE_IRI.matcher(iri).matches();
    }
}
