package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.makerspace.api.testing.ApiIntegrationTestSupport;
import org.makerspace.api.testing.LoopbackClient;
import org.makerspace.api.testing.Reply;
import org.springframework.http.MediaType;

/**
 * Requests refused before any controller runs, by Tomcat (which answered its HTML error page) or by Spring Security's
 * firewall (which answered Boot's default JSON), are problems too, keeping their status. Sent over a bare socket: no
 * HTTP client library sends such requests.
 */
class RawRequestProblemsIntegrationTest extends ApiIntegrationTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', value = {
            // refused by Tomcat while it reads the request line or the headers
            "a raw | in the path                ¦ GET /api/labs/a|b HTTP/1.1             ¦        ¦ 400 ¦ malformed-request",
            "a raw { in the path                ¦ GET /api/labs/{labId} HTTP/1.1         ¦        ¦ 400 ¦ malformed-request",
            "an invalid % escape                ¦ GET /api/labs/%zz HTTP/1.1             ¦        ¦ 400 ¦ malformed-request",
            "an encoded slash                   ¦ GET /api/labs/a%2Fb HTTP/1.1           ¦        ¦ 400 ¦ malformed-request",
            "an encoded NUL                     ¦ GET /api/labs/a%00b HTTP/1.1           ¦        ¦ 400 ¦ malformed-request",
            "a control character in a header    ¦ GET /api/labs HTTP/1.1                 ¦ CTL    ¦ 400 ¦ malformed-request",
            "an unknown HTTP version            ¦ GET /api/labs HTTP/9.9                 ¦        ¦ 505 ¦ http-version-not-supported",
            // refused by Spring Security's firewall
            "a ; in the path                    ¦ GET /api/labs/a;b HTTP/1.1             ¦        ¦ 400 ¦ request-rejected",
            "a // in the path                   ¦ GET /api//labs HTTP/1.1                ¦        ¦ 400 ¦ request-rejected",
            "an encoded ..                      ¦ GET /api/labs/%2e%2e/x HTTP/1.1        ¦        ¦ 400 ¦ request-rejected",
            "an encoded %                       ¦ GET /api/labs/%25 HTTP/1.1             ¦        ¦ 400 ¦ request-rejected",
            "a C1 control character in a header ¦ GET /api/labs HTTP/1.1                 ¦ C1     ¦ 400 ¦ request-rejected",
    })
    void aRequestRefusedBeforeTheControllersIsAProblem(String what, String requestLine, String inHeader, int status,
                                                       String code) {
        // U+0001 is refused by Tomcat's parser; U+0085 (NEL) passes it as an 8-bit byte, and the firewall refuses it
        // when the header is read: the bearer filter reads Authorization.
        String header = inHeader == null ? ""
                : inHeader.equals("CTL") ? "X-Note: a\u0001b\r\n" : "Authorization: Bearer a\u0085b\r\n";

        Reply reply = send(requestLine + "\r\nHost: 127.0.0.1\r\n" + header + "Connection: close\r\n\r\n");

        assertProblem(reply, status, code);
    }

    @ParameterizedTest(name = "headers of {0} bytes")
    @CsvSource({"9000", "70000"})
    void headersTooLargeAreAProblem(int size) {
        Reply reply = send("GET /api/labs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Large: " + "a".repeat(size)
                           + "\r\nConnection: close\r\n\r\n");

        assertProblem(reply, 400, "malformed-request");
    }

    private Reply send(String request) {
        return new LoopbackClient(port(), "127.0.0.1").sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("%s", reply.contentType())
                .isTrue();
        assertThat(reply.text("type")).isEqualTo(Problems.TYPE_BASE + code);
        assertThat(reply.text("title")).isNotBlank();
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.text("detail")).isNotBlank();
    }
}
