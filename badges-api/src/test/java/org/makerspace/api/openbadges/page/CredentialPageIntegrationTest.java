package org.makerspace.api.openbadges.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page over plain HTTP: what a crawler or a link preview reads, and that nothing a lab writes becomes markup. */
class CredentialPageIntegrationTest extends CredentialPageTestSupport {

    @Test
    void anAchievementNameWithMarkupIsShownAsTextNeverRunAsScript() {
        Award award = earn("<script>alert('x')</script> & \"Co\"");

        HttpResponse<String> page = get(urls.credentialPage(award.awardId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script").doesNotContain("alert('x')")
                .contains("<h1 id=\"achievement-name\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                          + "&quot;Co&quot;</h1>")
                .contains("content=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot; — badge");
    }

    @Test
    void thePageIsUtf8HtmlWithNoScriptAllowedAndAsksAgainBeforeACacheReusesIt() {
        Award award = earn("Pilote laser");

        HttpResponse<String> page = get(urls.credentialPage(award.awardId()));

        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                .doesNotContain("script-src");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(page.headers().firstValue("Vary").orElseThrow()).contains("Accept-Language");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">");
    }

    @Test
    void aBrowserThatPrefersEnglishGetsEnglishUnlessTheLinkAsksFrench() {
        Award award = earn("Laser pilot");
        String url = urls.credentialPage(award.awardId());

        assertThat(get(url, "Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").body()).contains("<html lang=\"en\">");
        assertThat(get(url, "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"fr\">");
        assertThat(get(url + "?lang=fr", "Accept-Language", "en").body()).contains("<html lang=\"fr\">");
    }

    @Test
    void anUnknownAwardIsAReadableHtml404() {
        HttpResponse<String> french = get(urls.credentialPage("no-such-award"));
        HttpResponse<String> english = get(urls.credentialPage("no-such-award") + "?lang=en");

        assertThat(french.statusCode()).isEqualTo(404);
        assertThat(french.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(french.body()).contains("<h1>Badge introuvable</h1>").contains("« no-such-award »");
        assertThat(english.body()).contains("<h1>Badge not found</h1>");
    }
}
