package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.LAB_KEY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.SIGNING_KEY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.award;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;

import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.ld.signature.VerificationError;
import com.apicatalog.ld.signature.eddsa.EdDSASignature2022;
import com.apicatalog.vc.Verifiable;
import com.apicatalog.vc.verifier.Verifier;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.issuer.VerificationMethods;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * Our credentials checked by code that is not ours: iron-verifiable-credentials with iron-eddsa-rdfc-2022 (which
 * canonicalises with another library, rdf-urdna) for the Data Integrity proof, and nimbus-jose-jwt plus Tink's own
 * Ed25519 for the VC-JWT. The verification method iron dereferences is the Multikey document we publish.
 */
class IndependentVerificationTest {

    private final OpenBadgeIssuer issuer = new OpenBadgeIssuer(URLS);
    private final VerificationMethods methods = new VerificationMethods(URLS);

    @Test
    void ironVerifiesOurDataIntegrityProof() throws Throwable {
        String credential = issuer.signDataIntegrity(request("Ada Lovelace", null), SIGNING_KEY);

        Verifiable verified = iron().verify(jakarta(credential));

        assertThat(verified.isCredential()).isTrue();
        assertThat(verified.proofs()).hasSize(1);
    }

    /**
     * The name is the subject's schema:name rather than a second IdentityObject so that the copy keeps one blank node,
     * which iron (and so 1EdTech's validator) labels as RDFC-1.0 does: see {@link OpenBadgeCredentialBuilder}.
     */
    @Test
    void ironVerifiesTheNamedCopysDataIntegrityProof() throws Throwable {
        CredentialRequest named = request(null).named("Ada Lovelace", URLS.credential(award().awardId()) + "/named");

        Verifiable verified = iron().verify(jakarta(issuer.signDataIntegrity(named, SIGNING_KEY)));

        assertThat(verified.isCredential()).isTrue();
        assertThat(verified.id().toString()).endsWith("/named");
    }

    @Test
    void ironRejectsOurCredentialOnceTampered() {
        ObjectNode credential = CredentialJson.parseObject(issuer.signDataIntegrity(request(null, null), SIGNING_KEY));
        ((ObjectNode) credential.at("/credentialSubject/achievement")).put("name", "Laser Cutter Trainer");

        assertThatThrownBy(() -> iron().verify(jakarta(CredentialJson.write(credential))))
                .isInstanceOf(VerificationError.class);
    }

    @Test
    void nimbusVerifiesOurJwtWithThePublishedJwk() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.signJwt(request(null), SIGNING_KEY));
        OctetKeyPair publicJwk = OctetKeyPair.parse(CredentialJson.write(methods.publicJwk(LAB_KEY)));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(methods.id(LAB_KEY)).isEqualTo(publicJwk.getKeyID());
        assertThat(jwt.verify(new Ed25519Verifier(publicJwk))).isTrue();
    }

    @Test
    void jwtClaimsMirrorTheCredentialAsOpenBadgesRequires() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.signJwt(request(null), SIGNING_KEY));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        ObjectNode credential = CredentialJson.parseObject(jwt.getPayload().toString());

        assertThat(claims.getIssuer()).isEqualTo(credential.at("/issuer/id").asText());
        assertThat(claims.getJWTID()).isEqualTo(credential.get("id").asText());
        assertThat(claims.getSubject()).isEqualTo(credential.at("/credentialSubject/id").asText());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(Instant.parse(credential.get("validFrom").asText()));
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(Instant.parse(credential.get("validUntil").asText()));
    }

    @Test
    void tinksEd25519AcceptsTheJwtSignature() throws Exception {
        String[] parts = issuer.signJwt(request(null), SIGNING_KEY).split("\\.");
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);

        new Ed25519Verify(LAB_KEY.publicKey().raw()).verify(Base64.getUrlDecoder().decode(parts[2]), signingInput);
    }

    /**
     * Iron with our contexts and our published Multikey document as the only documents it can load. Its status
     * check is turned off: iron 0.14.0's StatusPropertiesValidator throws after accepting any credentialStatus
     * object, and status is not what this test is about.
     */
    private Verifier iron() {
        JsonObject multikey = jakarta(CredentialJson.write(methods.multikey(LAB_KEY)));
        DocumentLoader loader = (url, options) -> url.toString().equals(methods.id(LAB_KEY))
                ? JsonDocument.of(MediaType.JSON_LD, multikey)
                : BundledContexts.standard().loadDocument(url, options);
        return Verifier.with(new EdDSASignature2022()).loader(loader).useBundledContexts(false).statusValidator(null);
    }

    private static JsonObject jakarta(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
