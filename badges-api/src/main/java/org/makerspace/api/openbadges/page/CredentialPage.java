package org.makerspace.api.openbadges.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.issuance.CredentialState;

/**
 * What the page of one award shows: read from the stored, signed credential itself (so the page says what the
 * credential says), the checks of its verification at {@code checkedAt}, what its status lists say, and the public URLs
 * of the page and of its downloads.
 *
 * @param state null when the status lists know nothing of the award (the status check then fails, and says so)
 */
record CredentialPage(String awardId, String credentialId, String achievementName, String description,
                      String criteriaNarrative, String recipientName, String labName, String labUrl,
                      Instant validFrom, Instant validUntil, List<Check> checks, CredentialState state,
                      Instant checkedAt, Links links) {

    /**
     * The absolute public URLs of the page and of the award's documents, and the size in pixels of its PNG badge,
     * which link previews are told: the default badge's, or that of the PNG the lab uploaded.
     */
    record Links(String page, String jsonLd, String jwt, String png, String svg, int pngWidth, int pngHeight) {

        static Links of(PublicUrls urls, String awardId, int pngWidth, int pngHeight) {
            return new Links(urls.credentialPage(awardId), urls.credential(awardId), urls.credentialJwt(awardId),
                             urls.bakedBadge(awardId, PublicUrls.Image.PNG),
                             urls.bakedBadge(awardId, PublicUrls.Image.SVG), pngWidth, pngHeight);
        }
    }

    static CredentialPage of(String awardId, ObjectNode credential, List<Check> checks, CredentialState state,
                             Instant checkedAt, Links links) {
        JsonNode achievement = credential.path("credentialSubject").path("achievement");
        JsonNode issuer = credential.path("issuer");
        String labName = issuer.isTextual() ? issuer.asText() : issuer.path("name").asText(issuer.path("id").asText());
        String labUrl = issuer.isTextual() ? issuer.asText() : issuer.path("url").asText(issuer.path("id").asText());
        return new CredentialPage(awardId, credential.path("id").asText(), achievement.path("name").asText(),
                                  achievement.path("description").asText(""),
                                  achievement.path("criteria").path("narrative").asText(""),
                                  credential.path("credentialSubject").path("name").asText(""), labName, labUrl,
                                  instant(credential.get("validFrom")), instant(credential.get("validUntil")), checks,
                                  state, checkedAt, links);
    }

    boolean verified() {
        return checks.stream().allMatch(Check::ok);
    }

    long failures() {
        return checks.stream().filter(check -> !check.ok()).count();
    }

    boolean revoked() {
        return state != null && state.revoked();
    }

    boolean suspended() {
        return state != null && !state.revoked() && state.suspended();
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
