package org.makerspace.projections.credential.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD contexts this application knows, read from the classpath ({@code contexts/index.json} maps each URL to
 * its file; {@code contexts/SOURCES.md} says where each file came from). As a {@link DocumentLoader} it serves exactly
 * these URLs and refuses every other one: nothing is ever fetched, so a credential cannot make the verifier load a
 * context of the attacker's choosing, and a context that is not bundled fails closed.
 */
public final class BundledContexts implements DocumentLoader {

    private static final String FOLDER = "/org/makerspace/projections/credential/contexts/";
    private static final BundledContexts STANDARD = new BundledContexts(readIndex());

    private final Map<String, JsonStructure> documents;

    private BundledContexts(Map<String, JsonStructure> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The contexts bundled with the application. */
    public static BundledContexts standard() {
        return STANDARD;
    }

    /** A copy that also serves {@code json} for {@code url}: for contexts a test authors, never for downloads. */
    public BundledContexts with(String url, String json) {
        Map<String, JsonStructure> more = new LinkedHashMap<>(documents);
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            more.put(url, reader.read());
        }
        return new BundledContexts(more);
    }

    public boolean isBundled(String url) {
        return documents.containsKey(url);
    }

    public Set<String> urls() {
        return documents.keySet();
    }

    @Override
    public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
        JsonStructure json = documents.get(url.toString());
        if (json == null) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                                  "refused to load " + url + ": only bundled contexts are served, nothing is fetched");
        }
        JsonDocument document = JsonDocument.of(MediaType.JSON_LD, json);
        document.setDocumentUrl(url);
        return document;
    }

    private static Map<String, JsonStructure> readIndex() {
        JsonObject index = read("index.json").asJsonObject().getJsonObject("contexts");
        Map<String, JsonStructure> documents = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : index.entrySet()) {
            documents.put(entry.getKey(), read(((JsonString) entry.getValue()).getString()));
        }
        return documents;
    }

    private static JsonStructure read(String file) {
        try (InputStream in = BundledContexts.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled context file " + file + " is missing from the classpath");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
