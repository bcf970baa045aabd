package org.makerspace.api.openbadges.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * LinkedIn's "Add to profile" link for a certification, filled from the credential: its name, the issuing lab, the
 * month it was issued and the month it expires (if it does), the page as the certification's URL and the
 * credential's id as its id. Every value is percent-encoded (all but RFC 3986 unreserved characters), so spaces,
 * ampersands and non-ASCII names arrive intact. Months are taken in UTC, as the credential's dates are.
 */
final class LinkedInLink {

    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedInLink() {
    }

    static String of(String name, String organizationName, Instant issued, Instant expires, String certUrl,
                     String certId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("startTask", "CERTIFICATION_NAME");
        query.put("name", name);
        query.put("organizationName", organizationName);
        ZonedDateTime issuedUtc = issued.atZone(ZoneOffset.UTC);
        query.put("issueYear", Integer.toString(issuedUtc.getYear()));
        query.put("issueMonth", Integer.toString(issuedUtc.getMonthValue()));
        if (expires != null) {
            ZonedDateTime expiresUtc = expires.atZone(ZoneOffset.UTC);
            query.put("expirationYear", Integer.toString(expiresUtc.getYear()));
            query.put("expirationMonth", Integer.toString(expiresUtc.getMonthValue()));
        }
        query.put("certUrl", certUrl);
        query.put("certId", certId);
        StringJoiner joined = new StringJoiner("&", ADD_TO_PROFILE + "?", "");
        query.forEach((key, value) -> joined.add(key + "=" + encode(value == null ? "" : value)));
        return joined.toString();
    }

    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
