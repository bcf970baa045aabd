package org.makerspace.projections.credential.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.makerspace.projections.credential.proof.KeyResolver;

/**
 * Signs a credential as a VC-JWT and checks one. The payload is the credential's own JSON with the claims appended,
 * written by the credential mapping, so the token is as deterministic as the credential (Ed25519 is deterministic).
 * A checked token yields the credential with the JWT claims taken off, ready for the JSON-LD checks: {@code jti} is
 * not a term of any bundled context and must not reach them.
 */
public final class VcJwt {

    /** JWT claims a payload may carry beside the credential; removed before the credential is processed. */
    public static final Set<String> JWT_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "cnf");
    private static final Set<String> ALLOWED_HEADERS = Set.of("alg", "kid", "typ");

    private VcJwt() {
    }

    /** The compact JWS of the credential, signed by {@code key} and naming {@code keyId} (the verification method). */
    public static String sign(ObjectNode credential, String keyId, Ed25519SigningKey key) {
        Objects.requireNonNull(keyId, "keyId");
        for (String claim : JWT_CLAIMS) {
            if (credential.has(claim)) {
                throw new IllegalArgumentException("the credential has a field '" + claim + "', which is a JWT claim");
            }
        }
        ObjectNode payload = credential.deepCopy();
        payload.put("iss", require(issuerId(credential), "issuer.id"));
        payload.put("jti", require(text(credential, "id"), "id"));
        payload.put("sub", require(text(credential.path("credentialSubject"), "id"), "credentialSubject.id"));
        payload.put("nbf", epochSeconds(require(text(credential, "validFrom"), "validFrom")));
        String validUntil = text(credential, "validUntil");
        if (validUntil != null) {
            payload.put("exp", epochSeconds(validUntil));
        }
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keyId).type(JOSEObjectType.JWT).build();
        JWSObject jws = new JWSObject(header, new Payload(CredentialJson.write(payload)));
        try {
            jws.sign(new Ed25519Signer(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.publicKey().raw()))
                                               .d(Base64URL.encode(key.exportSeed()))
                                               .build()));
        } catch (JOSEException e) {
            throw new IllegalStateException("EdDSA JWT signing failed", e);
        }
        return jws.serialize();
    }

    /** Checks the token's header, signature and claims; see {@link JwtCheck}. */
    public static JwtCheck verify(String compact, KeyResolver keys) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException e) {
            return new JwtCheck(false, "not a compact JWS: " + e.getMessage(), null, null);
        }
        JWSHeader header = jws.getHeader();
        String keyId = header.getKeyID();
        ObjectNode payload;
        try {
            payload = CredentialJson.parseObject(jws.getPayload().toString());
        } catch (IllegalArgumentException e) {
            return new JwtCheck(false, "the JWT payload is " + e.getMessage(), keyId, null);
        }
        ObjectNode credential = credentialOf(payload);
        Optional<String> refusal = headerRefusal(header);
        if (refusal.isEmpty()) {
            refusal = signatureRefusal(jws, keys);
        }
        if (refusal.isEmpty()) {
            refusal = claimsRefusal(payload, credential);
        }
        return refusal.map(reason -> new JwtCheck(false, reason, keyId, credential))
                .orElseGet(() -> new JwtCheck(true, "EdDSA JWT signature and claims verified with " + keyId, keyId,
                                              credential));
    }

    private static Optional<String> headerRefusal(JWSHeader header) {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            return Optional.of("the JWT algorithm is " + header.getAlgorithm() + ", not EdDSA");
        }
        if (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType())) {
            return Optional.of("the JWT typ is " + header.getType() + ", not JWT");
        }
        for (String name : header.getIncludedParams()) {
            if (!ALLOWED_HEADERS.contains(name)) {
                return Optional.of("the JOSE header has '" + name + "'; only alg, kid and typ are accepted");
            }
        }
        if (header.getKeyID() == null) {
            return Optional.of("the JOSE header names no key (kid)");
        }
        return Optional.empty();
    }

    private static Optional<String> signatureRefusal(JWSObject jws, KeyResolver keys) {
        String keyId = jws.getHeader().getKeyID();
        Optional<Ed25519PublicKey> key = keys.resolve(keyId);
        if (key.isEmpty()) {
            return Optional.of("unknown verification method " + keyId);
        }
        try {
            OctetKeyPair publicJwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(key.get().raw())).build();
            if (!jws.verify(new Ed25519Verifier(publicJwk))) {
                return Optional.of("the EdDSA JWT signature does not match the payload for key " + keyId);
            }
        } catch (JOSEException | IllegalStateException e) {
            return Optional.of("the JWT signature cannot be checked: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The Open Badges rules: each registered claim equals the credential field it mirrors. */
    private static Optional<String> claimsRefusal(ObjectNode payload, ObjectNode credential) {
        String mismatch = mismatch("iss", text(payload, "iss"), issuerId(credential))
                + mismatch("jti", text(payload, "jti"), text(credential, "id"))
                + mismatch("sub", text(payload, "sub"), text(credential.path("credentialSubject"), "id"))
                + timeMismatch("nbf", payload.get("nbf"), text(credential, "validFrom"), true)
                + timeMismatch("exp", payload.get("exp"), text(credential, "validUntil"), false);
        return mismatch.isEmpty() ? Optional.empty()
                : Optional.of("the JWT claims do not match the credential:" + mismatch);
    }

    private static String mismatch(String claim, String value, String expected) {
        if (value == null) {
            return " " + claim + " is missing;";
        }
        return value.equals(expected) ? "" : " " + claim + " is " + value + " but the credential says " + expected + ";";
    }

    private static String timeMismatch(String claim, JsonNode value, String expected, boolean required) {
        if (value == null && expected == null && !required) {
            return "";
        }
        if (value == null || !value.canConvertToLong()) {
            return " " + claim + " is missing or not a NumericDate;";
        }
        try {
            return expected != null && Instant.ofEpochSecond(value.asLong()).equals(instant(expected)) ? ""
                    : " " + claim + " is " + Instant.ofEpochSecond(value.asLong()) + " but the credential says "
                      + expected + ";";
        } catch (DateTimeParseException e) {
            return " the credential's date '" + expected + "' for " + claim + " is not a date-time;";
        }
    }

    /** The credential a payload carries: the payload without JWT claims, or its {@code vc} claim (VCDM 1.1 style). */
    private static ObjectNode credentialOf(ObjectNode payload) {
        if (payload.get("vc") instanceof ObjectNode vc) {
            return vc.deepCopy();
        }
        ObjectNode credential = payload.deepCopy();
        credential.remove(JWT_CLAIMS);
        return credential;
    }

    private static String issuerId(JsonNode credential) {
        JsonNode issuer = credential.get("issuer");
        return issuer != null && issuer.isTextual() ? issuer.asText() : text(credential.path("issuer"), "id");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String require(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("a VC-JWT needs the credential's " + field);
        }
        return value;
    }

    private static long epochSeconds(String dateTime) {
        return instant(dateTime).getEpochSecond();
    }

    private static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}
