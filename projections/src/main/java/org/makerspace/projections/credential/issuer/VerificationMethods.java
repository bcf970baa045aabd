package org.makerspace.projections.credential.issuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * The public documents of a lab's keys, for the web layer to serve at their ids: the Multikey verification method
 * that Data Integrity proofs name, and the same key as a public JWK for VC-JWT consumers. Neither ever holds
 * private material.
 */
public final class VerificationMethods {

    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";

    private final PublicUrls urls;

    public VerificationMethods(PublicUrls urls) {
        this.urls = urls;
    }

    public String id(IssuerKey key) {
        return urls.verificationMethod(key.labId(), key.keyId());
    }

    /** The Multikey document: id, type, controller (the lab's issuer profile) and publicKeyMultibase. */
    public ObjectNode multikey(IssuerKey key) {
        return multikey(key, null);
    }

    /**
     * The Multikey document of a key that the lab replaced at {@code retiredAt} (null: its current key), which says so
     * with {@code expires}: the key signs nothing after that, and what it signed before keeps verifying.
     */
    public ObjectNode multikey(IssuerKey key, Instant retiredAt) {
        ObjectNode document = CredentialJson.object();
        document.put("@context", MULTIKEY_CONTEXT);
        document.setAll(method(key, retiredAt));
        return document;
    }

    /** The verification method as a controller document lists it: the Multikey document without its context. */
    public ObjectNode method(IssuerKey key, Instant retiredAt) {
        ObjectNode method = CredentialJson.object();
        method.put("id", id(key));
        method.put("type", "Multikey");
        method.put("controller", urls.issuer(key.labId()));
        method.put("publicKeyMultibase", key.publicKey().multibase());
        if (retiredAt != null) {
            method.put("expires", retiredAt.toString());
        }
        return method;
    }

    /**
     * When each of a lab's keys was replaced by the next, by key id; the newest key, still signing, is absent. Keys
     * are ordered by the moment they started signing.
     */
    public static Map<String, Instant> retirements(List<IssuerKey> keys) {
        List<IssuerKey> ordered = keys.stream().sorted(Comparator.comparing(IssuerKey::validFrom)).toList();
        Map<String, Instant> retired = new HashMap<>();
        for (int i = 0; i + 1 < ordered.size(); i++) {
            retired.put(ordered.get(i).keyId(), ordered.get(i + 1).validFrom());
        }
        return retired;
    }

    /** The public key as an OKP JWK (RFC 8037) whose {@code kid} is the verification method id. */
    public ObjectNode publicJwk(IssuerKey key) {
        ObjectNode jwk = CredentialJson.object();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey().raw()));
        jwk.put("kid", id(key));
        return jwk;
    }
}
