package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.SIGNING_KEY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/** Issued credentials validate against 1EdTech's AchievementCredential JSON schema (draft 2019-09, networknt). */
class OpenBadgesSchemaTest {

    private final OpenBadgeIssuer issuer = new OpenBadgeIssuer(URLS);

    @Test
    void dataIntegrityCredentialMatchesTheSchema() {
        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request("Ada Lovelace"), SIGNING_KEY));

        assertThat(OpenBadgesSchema.errors(credential)).isEmpty();
    }

    @Test
    void credentialWithoutExpiryOrNameMatchesTheSchema() {
        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request(null, null), SIGNING_KEY));

        assertThat(OpenBadgesSchema.errors(credential)).isEmpty();
    }

    @Test
    void jwtPayloadMatchesTheSchema() {
        String payload = issuer.signJwt(request(null), SIGNING_KEY).split("\\.")[1];

        ObjectNode credential = CredentialJson.parseObject(new String(Base64.getUrlDecoder().decode(payload)));

        assertThat(OpenBadgesSchema.errors(credential)).isEmpty();
    }

    @Test
    void singleProofObjectIsRejectedByTheSchema() {
        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request(null), SIGNING_KEY));
        credential.set("proof", credential.get("proof").get(0));

        assertThat(OpenBadgesSchema.errors(credential)).anySatisfy(error -> assertThat(error).contains("proof"));
    }
}
