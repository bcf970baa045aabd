package org.makerspace.api.openbadges.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;

/**
 * Reads the Ed25519 key of a verification method out of the document its URL serves: the verification method itself
 * (a {@code Multikey} with {@code publicKeyMultibase}, or a {@code JsonWebKey} with an OKP {@code publicKeyJwk}), a
 * bare public JWK, or a controller document (an issuer profile, a DID document) listing it under
 * {@code verificationMethod}. The method found must carry exactly the id asked for.
 */
final class KeyDocuments {

    private KeyDocuments() {
    }

    static PartnerKey read(String verificationMethod, String document) throws FetchFailure {
        ObjectNode root;
        try {
            root = CredentialJson.parseObject(document);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("the key document of " + verificationMethod + " is " + e.getMessage());
        }
        JsonNode method = find(verificationMethod, root)
                .orElseThrow(() -> new FetchFailure("the document at " + verificationMethod
                                                    + " does not describe that verification method"));
        String controller = text(method, "controller");
        if (controller == null && method != root) {
            controller = text(root, "id");
        }
        return new PartnerKey(verificationMethod, controller, key(verificationMethod, method));
    }

    private static Optional<JsonNode> find(String verificationMethod, ObjectNode root) {
        if (verificationMethod.equals(idOf(root, root)) || (text(root, "kid") != null
                                                            && verificationMethod.equals(text(root, "kid")))) {
            return Optional.of(root);
        }
        JsonNode methods = root.get("verificationMethod");
        if (methods != null && methods.isArray()) {
            for (JsonNode method : methods) {
                if (method.isObject() && verificationMethod.equals(idOf(method, root))) {
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }

    /** The node's id, a relative one ({@code #key-1}) resolved against the document's id. */
    private static String idOf(JsonNode node, ObjectNode root) {
        String id = text(node, "id");
        String base = text(root, "id");
        if (id == null || base == null || !id.startsWith("#")) {
            return id;
        }
        try {
            return URI.create(base).resolve(id).toString();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static Ed25519PublicKey key(String verificationMethod, JsonNode method) throws FetchFailure {
        try {
            String multibase = text(method, "publicKeyMultibase");
            if (multibase != null) {
                return Ed25519PublicKey.fromMultibase(multibase);
            }
            JsonNode jwk = method.has("publicKeyJwk") ? method.get("publicKeyJwk") : method;
            if ("OKP".equals(text(jwk, "kty")) && "Ed25519".equals(text(jwk, "crv")) && text(jwk, "x") != null) {
                return Ed25519PublicKey.of(Base64.getUrlDecoder().decode(text(jwk, "x")));
            }
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("the key of " + verificationMethod + " is not an Ed25519 public key: "
                                   + e.getMessage());
        }
        throw new FetchFailure("the verification method " + verificationMethod
                               + " has no Ed25519 key (publicKeyMultibase or an OKP publicKeyJwk)");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
