package org.makerspace.api.openbadges.page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.makerspace.api.qr.QrCode;
import org.makerspace.projections.credential.ob3.Check;

/**
 * Writes the public pages as HTML5: a credential's page and the page of an unknown award. Every value goes through
 * {@link Html}'s escaping; the style sheet is inline and the QR code an inline SVG, so the page loads nothing from
 * elsewhere and needs no script. Colours keep a contrast of at least 7:1 on white (WCAG AAA for text). Images and
 * downloads are linked by path, so the page works under whatever host serves it; what other sites read (Open Graph,
 * the LinkedIn link, the QR code) names the absolute public URLs.
 */
final class CredentialPageWriter {

    private static final String STYLE = """
            body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;\
            background:#fff}
            header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
            header{display:flex;justify-content:flex-end;padding-top:.75rem}
            nav ul{list-style:none;margin:0;padding:0;display:flex;gap:.75rem}
            a{color:#0b4f8a}
            a[aria-current]{font-weight:700;color:#1a1a1a;text-decoration:none}
            h1{font-size:1.9rem;margin:.5rem 0}
            .lead{color:#333;margin-top:0}
            .badge{display:block;margin:1rem 0;width:16rem;height:16rem;object-fit:contain}
            .alert{border:3px solid #8b0000;background:#fff0f0;color:#5c0000;padding:1rem;margin:1rem 0;\
            font-weight:600}
            .checks{list-style:none;padding:0}
            .checks li{margin:.5rem 0;padding:.5rem .75rem;border-left:.4rem solid}
            .ok{border-color:#14532d;background:#f0fdf4}
            .ko{border-color:#8b0000;background:#fff0f0}
            .mark{font-weight:700;margin-right:.4rem}
            .ok .mark{color:#14532d}
            .ko .mark{color:#8b0000}
            details{font-size:.875rem;color:#333}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
            dt{font-weight:600}
            dd{margin:0}
            figure{margin:1rem 0}
            figure svg{width:12rem;height:12rem}
            .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
            footer{margin-top:2rem;padding-bottom:2rem;font-size:.875rem;color:#333}
            """;

    private CredentialPageWriter() {
    }

    static String credential(CredentialPage page, PageLanguage language) {
        String title = Text.TITLE.in(language, page.achievementName(), page.labName());
        String summary = Text.SUMMARY.in(language, page.achievementName(), page.labName(),
                                         date(page.validFrom(), language));
        if (page.revoked()) {
            summary += " " + Text.REVOKED.in(language, page.labName());
        } else if (page.suspended()) {
            summary += " " + Text.SUSPENDED.in(language, page.labName());
        }
        String imageAlt = Text.IMAGE_ALT.in(language, page.achievementName(), page.labName());
        CredentialPage.Links links = page.links();

        Html html = new Html();
        head(html, language, title);
        html.empty("meta", "name", "description", "content", summary);
        html.empty("link", "rel", "canonical", "href", links.page());
        html.empty("link", "rel", "alternate", "type", "application/vc+ld+json", "href", path(links.jsonLd()));
        html.empty("meta", "property", "og:type", "content", "website");
        html.empty("meta", "property", "og:site_name", "content", page.labName());
        html.empty("meta", "property", "og:locale", "content", language.openGraphLocale());
        html.empty("meta", "property", "og:title", "content", title);
        html.empty("meta", "property", "og:description", "content", summary);
        html.empty("meta", "property", "og:url", "content", links.page());
        html.empty("meta", "property", "og:image", "content", links.png());
        html.empty("meta", "property", "og:image:type", "content", "image/png");
        html.empty("meta", "property", "og:image:width", "content", Integer.toString(links.pngWidth()));
        html.empty("meta", "property", "og:image:height", "content", Integer.toString(links.pngHeight()));
        html.empty("meta", "property", "og:image:alt", "content", imageAlt);
        html.empty("meta", "name", "twitter:card", "content", "summary");
        html.empty("meta", "name", "twitter:title", "content", title);
        html.empty("meta", "name", "twitter:description", "content", summary);
        html.empty("meta", "name", "twitter:image", "content", links.png());
        html.empty("meta", "name", "twitter:image:alt", "content", imageAlt);
        html.close("head");
        html.open("body");
        languageSwitch(html, language);
        html.open("main");

        if (page.revoked()) {
            html.open("div", "class", "alert", "role", "alert", "id", "status-alert");
            html.element("p", Text.REVOKED.in(language, page.labName()));
            if (page.state().revokedAt() != null) {
                html.element("p", Text.REVOKED_ON.in(language, date(page.state().revokedAt(), language)));
            }
            if (page.state().revocationReason() != null && !page.state().revocationReason().isBlank()) {
                html.element("p", Text.REASON.in(language, page.state().revocationReason()));
            }
            html.close("div");
        } else if (page.suspended()) {
            html.open("div", "class", "alert", "role", "alert", "id", "status-alert");
            html.element("p", Text.SUSPENDED.in(language, page.labName()));
            if (page.state().suspendedAt() != null) {
                html.element("p", Text.SUSPENDED_SINCE.in(language, date(page.state().suspendedAt(), language)));
            }
            html.close("div");
        }

        html.element("p", Text.OPEN_BADGE.in(language), "class", "lead");
        html.element("h1", page.achievementName(), "id", "achievement-name");
        html.open("p", "class", "lead").text(Text.ISSUED_BY.in(language) + " ")
                .element("a", page.labName(), "href", page.labUrl(), "id", "lab-link").close("p");
        html.empty("img", "class", "badge", "src", path(links.png()), "alt", imageAlt, "width", "256", "height", "256");

        html.open("section", "aria-labelledby", "earned");
        html.element("h2", Text.EARNED.in(language), "id", "earned");
        if (!page.recipientName().isBlank()) {
            html.element("p", Text.AWARDED_TO.in(language) + " " + page.recipientName());
        }
        if (!page.description().isBlank()) {
            html.element("p", page.description(), "id", "achievement-description");
        }
        if (!page.criteriaNarrative().isBlank()) {
            html.element("h3", Text.CRITERIA.in(language));
            html.element("p", page.criteriaNarrative(), "id", "criteria");
        }
        html.close("section");

        html.open("section", "aria-labelledby", "issuer");
        html.element("h2", Text.ISSUER_AND_VALIDITY.in(language), "id", "issuer");
        html.open("dl");
        html.element("dt", Text.LAB.in(language));
        html.open("dd").element("a", page.labName(), "href", page.labUrl()).close("dd");
        html.element("dt", Text.ISSUED_ON.in(language));
        html.open("dd").element("time", date(page.validFrom(), language), "datetime", iso(page.validFrom()),
                                "id", "valid-from").close("dd");
        html.element("dt", Text.VALID_UNTIL.in(language));
        if (page.validUntil() == null) {
            html.element("dd", Text.NO_EXPIRY.in(language), "id", "valid-until");
        } else {
            html.open("dd").element("time", date(page.validUntil(), language), "datetime", iso(page.validUntil()),
                                    "id", "valid-until").close("dd");
        }
        html.close("dl");
        html.close("section");

        verification(html, page, language);

        html.open("section", "aria-labelledby", "share");
        html.element("h2", Text.SHARE.in(language), "id", "share");
        html.open("p").element("a", Text.LINKEDIN.in(language), "id", "linkedin", "href", LinkedInLink.of(
                page.achievementName(), page.labName(), page.validFrom(), page.validUntil(), links.page(),
                page.credentialId())).close("p");
        html.open("figure", "id", "qr-code");
        html.trusted(qrSvg(links.page()));
        html.element("figcaption", Text.QR_CAPTION.in(language) + colon(language) + links.page());
        html.close("figure");
        html.close("section");

        html.open("section", "aria-labelledby", "download");
        html.element("h2", Text.DOWNLOAD.in(language), "id", "download");
        html.open("ul");
        download(html, links.jsonLd(), Text.DOWNLOAD_JSON_LD.in(language), "download-json-ld");
        download(html, links.jwt(), Text.DOWNLOAD_JWT.in(language), "download-jwt");
        download(html, links.png(), Text.DOWNLOAD_PNG.in(language), "download-png");
        download(html, links.svg(), Text.DOWNLOAD_SVG.in(language), "download-svg");
        html.close("ul");
        html.close("section");

        html.close("main");
        html.open("footer").element("p", Text.VERIFIED_AT.in(language, dateTime(page.checkedAt(), language)))
                .close("footer");
        html.close("body");
        html.close("html");
        return html.toString();
    }

    static String notFound(String awardId, PageLanguage language) {
        Html html = new Html();
        head(html, language, Text.NOT_FOUND_TITLE.in(language));
        html.empty("meta", "name", "robots", "content", "noindex");
        html.close("head");
        html.open("body");
        languageSwitch(html, language);
        html.open("main");
        html.element("h1", Text.NOT_FOUND_TITLE.in(language));
        html.element("p", Text.NOT_FOUND_BODY.in(language, awardId));
        html.close("main");
        html.close("body");
        html.close("html");
        return html.toString();
    }

    private static void head(Html html, PageLanguage language, String title) {
        html.trusted("<!DOCTYPE html>\n");
        html.open("html", "lang", language.tag());
        html.open("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title);
        html.open("style").trusted(STYLE).close("style");
    }

    private static void languageSwitch(Html html, PageLanguage current) {
        html.open("header");
        html.open("nav", "aria-label", Text.LANGUAGE.in(current), "id", "language-switch");
        html.open("ul");
        for (PageLanguage language : PageLanguage.values()) {
            html.open("li");
            html.element("a", language.tag().toUpperCase(), "href", "?lang=" + language.tag(),
                         "hreflang", language.tag(), "lang", language.tag(), "id", "lang-" + language.tag(),
                         "aria-current", language == current ? "page" : null);
            html.close("li");
        }
        html.close("ul");
        html.close("nav");
        html.close("header");
    }

    private static void verification(Html html, CredentialPage page, PageLanguage language) {
        html.open("section", "aria-labelledby", "verification");
        html.element("h2", Text.VERIFICATION.in(language), "id", "verification");
        html.element("p", page.verified() ? Text.ALL_PASSED.in(language)
                : Text.SOME_FAILED.in(language, page.failures(), page.checks().size()), "id", "verdict");
        html.open("ul", "class", "checks");
        for (Check check : page.checks()) {
            html.open("li", "class", check.ok() ? "ok" : "ko", "data-check", check.name(),
                      "data-ok", Boolean.toString(check.ok()));
            html.element("span", check.ok() ? "✓" : "✗", "class", "mark", "aria-hidden", "true");
            html.element("span", (check.ok() ? Text.PASSED : Text.FAILED).in(language) + colon(language),
                         "class", "sr");
            html.element("strong", label(check.name(), language) + " — ");
            html.element("span", sentence(check, page, language), "class", "sentence");
            html.open("details").element("summary", Text.TECHNICAL_DETAIL.in(language))
                    .element("code", check.detail()).close("details");
            html.close("li");
        }
        html.close("ul");
        html.close("section");
    }

    private static String label(String check, PageLanguage language) {
        return switch (check) {
            case Check.SIGNATURE -> Text.SIGNATURE.in(language);
            case Check.CONTEXTS -> Text.CONTEXTS.in(language);
            case Check.SAFE_MODE -> Text.SAFE_MODE.in(language);
            case Check.SCHEMA -> Text.SCHEMA.in(language);
            case Check.VALIDITY -> Text.VALIDITY.in(language);
            case Check.STATUS -> Text.STATUS.in(language);
            case Check.ISSUER_TRUSTED -> Text.ISSUER_TRUSTED.in(language);
            default -> check;
        };
    }

    private static String sentence(Check check, CredentialPage page, PageLanguage language) {
        boolean ok = check.ok();
        return switch (check.name()) {
            case Check.SIGNATURE -> (ok ? Text.SIGNATURE_OK : Text.SIGNATURE_FAILED).in(language);
            case Check.CONTEXTS -> (ok ? Text.CONTEXTS_OK : Text.CONTEXTS_FAILED).in(language);
            case Check.SAFE_MODE -> (ok ? Text.SAFE_MODE_OK : Text.SAFE_MODE_FAILED).in(language);
            case Check.SCHEMA -> (ok ? Text.SCHEMA_OK : Text.SCHEMA_FAILED).in(language);
            case Check.VALIDITY -> (ok ? Text.VALIDITY_OK : Text.VALIDITY_FAILED).in(language);
            case Check.STATUS -> ok ? Text.STATUS_OK.in(language)
                    : page.revoked() ? Text.STATUS_REVOKED.in(language)
                    : page.suspended() ? Text.STATUS_SUSPENDED.in(language)
                    : Text.STATUS_FAILED.in(language);
            case Check.ISSUER_TRUSTED -> ok ? Text.ISSUER_TRUSTED_OK.in(language, page.labName())
                    : Text.ISSUER_TRUSTED_FAILED.in(language);
            default -> check.detail();
        };
    }

    private static void download(Html html, String url, String label, String id) {
        html.open("li").element("a", label, "href", path(url), "id", id, "download", "").close("li");
    }

    /** The QR code's SVG, without its XML declaration, which has no place inside HTML. */
    private static String qrSvg(String url) {
        String svg = new String(QrCode.of(url).svg(), StandardCharsets.UTF_8);
        return svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg;
    }

    /** The path (and query) of one of our public URLs, to link it from the page on whatever host serves it. */
    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** French typography puts a space before a colon; English does not. */
    private static String colon(PageLanguage language) {
        return language == PageLanguage.FR ? "\u00a0: " : ": ";
    }

    private static String date(Instant instant, PageLanguage language) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(language.locale()).withZone(ZoneOffset.UTC).format(instant);
    }

    private static String dateTime(Instant instant, PageLanguage language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language.locale())
                .withZone(ZoneOffset.UTC).format(instant) + " UTC";
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
