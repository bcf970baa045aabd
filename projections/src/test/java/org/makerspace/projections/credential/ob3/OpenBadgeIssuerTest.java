package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.DURING_VALIDITY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.SIGNING_KEY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.verifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.jsonld.CredentialJson;

class OpenBadgeIssuerTest {

    private final OpenBadgeIssuer issuer = new OpenBadgeIssuer(URLS);

    @Test
    void dataIntegrityCredentialVerifiesOnEveryCheck() {
        String credential = issuer.signDataIntegrity(request(null), SIGNING_KEY);

        VerificationReport report = verifier().verify(credential, DURING_VALIDITY);

        assertThat(report.failures()).isEmpty();
        assertThat(report.format()).isEqualTo(VerificationReport.JSON_LD);
        assertThat(report.checks()).extracting(Check::name).containsExactly(
                "signature", "contexts", "safe_mode", "schema", "validity", "status", "issuer_trusted");
    }

    @Test
    void jwtCredentialVerifiesOnEveryCheck() {
        String jwt = issuer.signJwt(request(null), SIGNING_KEY);

        VerificationReport report = verifier().verify(jwt, DURING_VALIDITY);

        assertThat(report.failures()).isEmpty();
        assertThat(report.format()).isEqualTo(VerificationReport.JWT);
    }

    @Test
    void proofIsAnArrayOfOneEddsaRdfc2022Proof() {
        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request(null), SIGNING_KEY));

        assertThat(credential.get("proof").isArray()).isTrue();
        assertThat(credential.get("proof")).hasSize(1);
        assertThat(credential.at("/proof/0/type").asText()).isEqualTo("DataIntegrityProof");
        assertThat(credential.at("/proof/0/cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(credential.at("/proof/0/proofPurpose").asText()).isEqualTo("assertionMethod");
        assertThat(credential.at("/proof/0/verificationMethod").asText())
                .isEqualTo("https://badges.fablab-nord.example/ob3/issuers/fablab-nord/keys/ed25519-test0001");
        assertThat(credential.at("/proof/0/created").asText()).isEqualTo("2026-03-02T10:15:30Z");
    }

    @Test
    void sameInputsGiveByteIdenticalDataIntegrityCredentials() {
        String first = issuer.signDataIntegrity(request("Ada Lovelace"), SIGNING_KEY);
        String second = new OpenBadgeIssuer(URLS).signDataIntegrity(request("Ada Lovelace"), SIGNING_KEY);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void sameInputsGiveByteIdenticalJwts() {
        String first = issuer.signJwt(request(null), SIGNING_KEY);
        String second = new OpenBadgeIssuer(URLS).signJwt(request(null), SIGNING_KEY);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void proofOfAKeyNewerThanTheAwardIsCreatedWhenTheKeyStarted() {
        Instant keyStart = Instant.parse("2026-09-01T00:00:00Z");
        IssuerSigningKey newer = new IssuerSigningKey(
                new IssuerKey("ed25519-test0002", CredentialFixtures.FABLAB, SIGNING_KEY.key().publicKey(), keyStart,
                              true), SIGNING_KEY.signingKey());

        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request(null), newer));

        assertThat(credential.at("/proof/0/created").asText()).isEqualTo("2026-09-01T00:00:00Z");
    }

    @Test
    void refusesToSignWithAnotherLabsKey() {
        IssuerSigningKey otherLab = new IssuerSigningKey(
                new IssuerKey("ed25519-other", LabId.of("makerspace-sud"), SIGNING_KEY.key().publicKey(),
                              SIGNING_KEY.key().validFrom(), true), SIGNING_KEY.signingKey());

        assertThatThrownBy(() -> issuer.signDataIntegrity(request(null), otherLab))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was made by lab fablab-nord")
                .hasMessageContaining("belongs to lab makerspace-sud");
    }
}
