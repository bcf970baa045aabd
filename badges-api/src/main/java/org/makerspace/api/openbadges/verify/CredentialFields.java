package org.makerspace.api.openbadges.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/** Reads fields of a credential as JSON, without trusting them: what it claims, to decide what to check. */
final class CredentialFields {

    private CredentialFields() {
    }

    /** The issuer id the credential claims (its {@code issuer} or {@code issuer.id}), or null. */
    static String issuerId(JsonNode credential) {
        if (credential == null) {
            return null;
        }
        JsonNode issuer = credential.get("issuer");
        if (issuer != null && issuer.isTextual()) {
            return issuer.asText();
        }
        return text(issuer, "id");
    }

    /**
     * The issuer a presented credential claims before anything is verified, or null when it cannot be read: the
     * JSON's issuer, or for a JWT the issuer of its payload (or its {@code iss}). Used only to decide whether the
     * issuer is trusted enough to fetch its key; the issuer-trust check later binds the key to the issuer.
     */
    static String claimedIssuer(PresentedCredential presented) {
        try {
            if (!presented.isJwt()) {
                return issuerId(CredentialJson.parseObject(presented.text()));
            }
            String[] parts = presented.text().split("\\.", -1);
            if (parts.length != 3) {
                return null;
            }
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            ObjectNode claims = CredentialJson.parseObject(payload);
            JsonNode credential = claims.get("vc") instanceof ObjectNode vc ? vc : claims;
            String issuer = issuerId(credential);
            return issuer != null ? issuer : text(claims, "iss");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
