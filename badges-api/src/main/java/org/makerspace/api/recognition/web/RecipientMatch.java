package org.makerspace.api.recognition.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Whether a credential is about a member, as far as the credential can tell: an Open Badges 3.0 credential names its
 * recipient by {@code IdentityObject}s in {@code credentialSubject.identifier}, an e-mail address among them maybe
 * (hashed with a salt, {@code sha256$<hex of sha256(address + salt)>}, or plain). Only an e-mail address can be
 * compared with what this installation knows of a member; a partner's own member numbers mean nothing here.
 */
enum RecipientMatch {

    /** The credential names the member's e-mail address. */
    MATCHES,
    /** The credential names e-mail addresses, none of them the member's. */
    DIFFERS,
    /** The credential names an e-mail address, but the member has none on file to compare with. */
    UNKNOWN,
    /** The credential names no e-mail address. */
    UNSTATED;

    private static final String EMAIL = "emailAddress";

    static RecipientMatch of(JsonNode credential, String memberEmail) {
        List<JsonNode> emails = new ArrayList<>();
        JsonNode identifiers = credential.path("credentialSubject").path("identifier");
        for (JsonNode identity : identifiers.isArray() ? identifiers : List.of(identifiers)) {
            if (EMAIL.equals(identity.path("identityType").asText(null))) {
                emails.add(identity);
            }
        }
        if (emails.isEmpty()) {
            return UNSTATED;
        }
        if (memberEmail == null || memberEmail.isBlank()) {
            return UNKNOWN;
        }
        for (JsonNode identity : emails) {
            if (names(identity, memberEmail.strip()) || names(identity, memberEmail.strip().toLowerCase(Locale.ROOT))) {
                return MATCHES;
            }
        }
        return DIFFERS;
    }

    private static boolean names(JsonNode identity, String email) {
        String hash = identity.path("identityHash").asText("");
        if (!identity.path("hashed").asBoolean(false)) {
            return hash.equalsIgnoreCase(email);
        }
        String salt = identity.path("salt").asText("");
        return hash.equalsIgnoreCase("sha256$" + HexFormat.of().formatHex(sha256(email + salt)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
