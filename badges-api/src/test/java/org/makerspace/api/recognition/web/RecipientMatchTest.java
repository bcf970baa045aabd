package org.makerspace.api.recognition.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.jsonld.CredentialJson;

class RecipientMatchTest {

    private static ObjectNode naming(String identityType, String hash, boolean hashed, String salt) {
        ObjectNode credential = CredentialJson.object();
        ObjectNode identity = credential.putObject("credentialSubject").putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", hash);
        identity.put("identityType", identityType);
        identity.put("hashed", hashed);
        identity.put("salt", salt);
        return credential;
    }

    private static String hash(String text) throws Exception {
        return "sha256$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSaltedHashOfTheMembersAddressMatches() throws Exception {
        ObjectNode credential = naming("emailAddress", hash("ada@lovelace.example" + "s4lt"), true, "s4lt");

        assertThat(RecipientMatch.of(credential, "ada@lovelace.example")).isEqualTo(RecipientMatch.MATCHES);
        assertThat(RecipientMatch.of(credential, " Ada@Lovelace.example ")).isEqualTo(RecipientMatch.MATCHES);
        assertThat(RecipientMatch.of(credential, "grace@hopper.example")).isEqualTo(RecipientMatch.DIFFERS);
        assertThat(RecipientMatch.of(credential, null)).isEqualTo(RecipientMatch.UNKNOWN);
    }

    @Test
    void aPlainAddressMatchesWhateverItsCase() {
        ObjectNode credential = naming("emailAddress", "ADA@lovelace.example", false, "");

        assertThat(RecipientMatch.of(credential, "ada@lovelace.example")).isEqualTo(RecipientMatch.MATCHES);
    }

    @Test
    void anIdentifierOfTheIssuersOwnIsNoAddress() throws Exception {
        ObjectNode credential = naming("identifier", hash("member-42" + "s4lt"), true, "s4lt");

        assertThat(RecipientMatch.of(credential, "ada@lovelace.example")).isEqualTo(RecipientMatch.UNSTATED);
        assertThat(RecipientMatch.of(CredentialJson.object(), "ada@lovelace.example"))
                .isEqualTo(RecipientMatch.UNSTATED);
    }
}
