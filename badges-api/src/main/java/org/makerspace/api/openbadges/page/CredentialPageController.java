package org.makerspace.api.openbadges.page;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public page of an award's credential, and a readable HTML page rather than problem+json for an unknown award:
 * whoever follows a shared link is a person with a browser. Not cached without asking again (no-cache), since a
 * revocation must show at once; it varies with {@code Accept-Language}.
 */
@RestController
@Tag(name = "open badges")
class CredentialPageController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /** Nothing but our own images and the inline style sheet; no script at all. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
                                                  + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final CredentialPages pages;

    CredentialPageController(CredentialPages pages) {
        this.pages = pages;
    }

    @Operation(summary = "An award's public verification page, as HTML in French, or in English with ?lang=en or an "
                         + "Accept-Language that prefers it (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping(value = "/badges/{awardId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> page(@PathVariable String awardId, @RequestParam(required = false) String lang,
                                @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                String acceptLanguage) {
        PageLanguage language = PageLanguage.of(lang, acceptLanguage);
        return pages.page(awardId)
                .map(page -> html(HttpStatus.OK, language, CredentialPageWriter.credential(page, language)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, language,
                                      CredentialPageWriter.notFound(awardId, language)));
    }

    private static ResponseEntity<byte[]> html(HttpStatus status, PageLanguage language, String html) {
        return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noCache())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(html.getBytes(StandardCharsets.UTF_8));
    }
}
