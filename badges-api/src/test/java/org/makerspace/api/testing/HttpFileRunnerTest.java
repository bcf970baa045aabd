package org.makerspace.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.makerspace.api.testing.HttpFileRunner.Capture;
import org.makerspace.api.testing.HttpFileRunner.Header;
import org.makerspace.api.testing.HttpFileRunner.HttpFile;
import org.makerspace.api.testing.HttpFileRunner.JsonExpectation;
import org.makerspace.api.testing.HttpFileRunner.Request;

/** The request-file parser reads what editors read, and refuses what they would read differently. */
class HttpFileRunnerTest {

    private static final String FILE = """
            # a walkthrough
            @baseUrl = http://localhost:8080
            @lab = fablab-1

            ### Register the lab
            # expect: 201
            # @capture labId = $.id
            POST {{baseUrl}}/api/labs
            Content-Type: application/json

            {
              "labId": "{{lab}}"
            }

            ### Read it
            # @eventually
            // expect-json: $.machines[0].name == "Trotec Speedy 360"
            GET {{baseUrl}}/api/labs/{{labId}} HTTP/1.1
            """;

    @Test
    void readsVariablesRequestsHeadersBodiesAndDirectives() {
        HttpFile file = HttpFileRunner.parse(FILE);

        assertThat(file.variables()).containsEntry("baseUrl", "http://localhost:8080").containsEntry("lab", "fablab-1");
        assertThat(file.requests()).hasSize(2);
        Request register = file.requests().get(0);
        assertThat(register.title()).isEqualTo("Register the lab");
        assertThat(register.line()).isEqualTo(5);
        assertThat(register.method()).isEqualTo("POST");
        assertThat(register.target()).isEqualTo("{{baseUrl}}/api/labs");
        assertThat(register.headers()).containsExactly(new Header("Content-Type", "application/json"));
        assertThat(register.body()).isEqualTo("{\n  \"labId\": \"{{lab}}\"\n}");
        assertThat(register.expectedStatus()).isEqualTo(201);
        assertThat(register.captures()).containsExactly(new Capture("labId", "$.id"));
        assertThat(register.eventually()).isFalse();
        Request read = file.requests().get(1);
        assertThat(read.body()).isNull();
        assertThat(read.eventually()).isTrue();
        assertThat(read.expectations()).containsExactly(new JsonExpectation("$.machines[0].name", "Trotec Speedy 360"));
    }

    @Test
    void refusesACommentAfterTheBodyBecauseAnEditorWouldSendIt() {
        String file = FILE.replace("  \"labId\": \"{{lab}}\"\n}", "  \"labId\": \"{{lab}}\"\n}\n# @capture x = $.id");

        assertThatThrownBy(() -> HttpFileRunner.parse(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 14").hasMessageContaining("body");
    }

    @Test
    void refusesAnUnknownDirective() {
        assertThatThrownBy(() -> HttpFileRunner.parse(FILE.replace("@eventually", "@evantually")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@evantually");
    }

    @Test
    void refusesAVariableNeitherDeclaredNorCaptured() {
        Request read = HttpFileRunner.parse(FILE).requests().get(1);

        assertThatThrownBy(() -> HttpFileRunner.substitute(read.target(), Map.of("baseUrl", "http://x"), read))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{labId}}").hasMessageContaining("line 15");
    }

    @Test
    void readsFieldsNestedFieldsAndArrayElements() throws Exception {
        JsonNode body = new ObjectMapper().readTree("""
                {"token": "t-1", "a": {"b": 2}, "certifications": [{"status": "VALID"}]}""");

        assertThat(HttpFileRunner.at(body, "$.token").asText()).isEqualTo("t-1");
        assertThat(HttpFileRunner.at(body, "$.a.b").asInt()).isEqualTo(2);
        assertThat(HttpFileRunner.at(body, "$.certifications[0].status").asText()).isEqualTo("VALID");
        assertThat(HttpFileRunner.at(body, "$.nothing.here").isMissingNode()).isTrue();
        assertThat(HttpFileRunner.at(body, "$")).isSameAs(body);
    }
}
