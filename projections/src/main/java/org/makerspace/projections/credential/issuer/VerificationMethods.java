package org.makerspace.projections.credential.issuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
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
        ObjectNode document = CredentialJson.object();
        document.put("@context", MULTIKEY_CONTEXT);
        document.put("id", id(key));
        document.put("type", "Multikey");
        document.put("controller", urls.issuer(key.labId()));
        document.put("publicKeyMultibase", key.publicKey().multibase());
        return document;
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
