package org.makerspace.api.openbadges.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;

class KeyDocumentsTest {

    private static final String METHOD = "https://badges.lyon.example/issuers/1/keys/k1";
    private static final String ISSUER = "https://badges.lyon.example/issuers/1";
    private final Ed25519SigningKey secret = Ed25519SigningKey.generate();

    @Test
    void readsAMultikeyDocument() throws FetchFailure {
        String document = "{\"@context\":\"https://w3id.org/security/multikey/v1\",\"id\":\"" + METHOD + "\","
                          + "\"type\":\"Multikey\",\"controller\":\"" + ISSUER + "\",\"publicKeyMultibase\":\""
                          + secret.publicKey().multibase() + "\"}";

        assertThat(KeyDocuments.read(METHOD, document))
                .isEqualTo(new PartnerKey(METHOD, ISSUER, secret.publicKey()));
    }

    @Test
    void readsAPublicJwkNamedByItsKid() throws FetchFailure {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.publicKey().raw());
        String document = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\"" + METHOD + "\"}";

        assertThat(KeyDocuments.read(METHOD, document).publicKey()).isEqualTo(secret.publicKey());
        assertThat(KeyDocuments.read(METHOD, document).controller()).isNull();
    }

    @Test
    void findsTheMethodInAControllerDocumentWhichThenControlsIt() throws FetchFailure {
        String document = "{\"id\":\"" + ISSUER + "\",\"verificationMethod\":[{\"id\":\"#key-1\",\"type\":\"Multikey\","
                          + "\"publicKeyMultibase\":\"" + secret.publicKey().multibase() + "\"}]}";

        assertThat(KeyDocuments.read(ISSUER + "#key-1", document))
                .isEqualTo(new PartnerKey(ISSUER + "#key-1", ISSUER, secret.publicKey()));
    }

    @Test
    void refusesADocumentAboutAnotherMethod() {
        String document = "{\"id\":\"" + METHOD + "-other\",\"publicKeyMultibase\":\"" + secret.publicKey().multibase()
                          + "\"}";

        assertThatThrownBy(() -> KeyDocuments.read(METHOD, document))
                .hasMessage("the document at " + METHOD + " does not describe that verification method");
    }

    @Test
    void refusesAMethodWithoutAnEd25519Key() {
        String document = "{\"id\":\"" + METHOD + "\",\"publicKeyJwk\":{\"kty\":\"EC\",\"crv\":\"P-256\"}}";

        assertThatThrownBy(() -> KeyDocuments.read(METHOD, document)).hasMessageContaining("has no Ed25519 key");
    }
}
