package org.makerspace.projections.credential.jsonld;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.JsonObject;
import java.io.StringWriter;

/**
 * RDF Dataset Canonicalization (RDFC-1.0, SHA-256) of a JSON-LD document, written as canonical N-Quads. Undefined
 * terms are an error here too, so nothing is signed that the document does not also show.
 */
public final class Canonicalizer {

    /** Canonicalising a credential takes milliseconds; this bounds a hostile ("poison") graph. */
    private static final long MAX_MILLIS = 5_000;

    private final DocumentLoader loader;

    public Canonicalizer(DocumentLoader loader) {
        this.loader = loader;
    }

    /** The canonical N-Quads of the document; a document that cannot be processed is a {@link CanonicalizationException}. */
    public String canonicalize(JsonObject document) {
        RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(MAX_MILLIS));
        StringWriter nquads = new StringWriter();
        try {
            JsonLd.toRdf(JsonDocument.of(document)).options(SafeMode.options(loader)).provide(canon);
            canon.provide(new NQuadsWriter(nquads));
        } catch (JsonLdError e) {
            throw new CanonicalizationException(SafeMode.describe(e), e);
        } catch (RdfConsumerException | IllegalStateException e) {
            throw new CanonicalizationException("RDF canonicalisation failed: " + e.getMessage(), e);
        }
        return nquads.toString();
    }
}
