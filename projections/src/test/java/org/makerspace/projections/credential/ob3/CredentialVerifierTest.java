package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.CERTIFICATION_EXPIRES;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.DURING_VALIDITY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.NOT_REVOKED;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.SIGNING_KEY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.TRUSTED;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.labKeys;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;

/** Each way a credential can be wrong is caught by the check named for it, with a reason that says what is wrong. */
class CredentialVerifierTest {

    private final OpenBadgeIssuer issuer = new OpenBadgeIssuer(URLS);

    private ObjectNode signed() {
        return CredentialJson.parseObject(issuer.signDataIntegrity(request(null), SIGNING_KEY));
    }

    private static VerificationReport verify(ObjectNode credential) {
        return verifier().verify(CredentialJson.write(credential), DURING_VALIDITY);
    }

    @Test
    void tamperedAchievementNameFailsTheSignatureOnly() {
        ObjectNode credential = signed();
        ((ObjectNode) credential.at("/credentialSubject/achievement")).put("name", "Laser Cutter Trainer");

        VerificationReport report = verify(credential);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.SIGNATURE);
        assertThat(report.check(Check.SIGNATURE).detail()).contains("signature does not match");
    }

    @Test
    void signatureByAnotherKeyFails() {
        Ed25519SigningKey otherSecret = Ed25519SigningKey.generate();
        String credential = issuer.signDataIntegrity(request(null), SIGNING_KEY);
        CredentialVerifier verifier = new CredentialVerifier(method -> Optional.of(otherSecret.publicKey()),
                                                             NOT_REVOKED, TRUSTED);

        VerificationReport report = verifier.verify(credential, DURING_VALIDITY);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.SIGNATURE);
    }

    @Test
    void unknownVerificationMethodFailsTheSignature() {
        CredentialVerifier verifier = new CredentialVerifier(method -> Optional.empty(), NOT_REVOKED, TRUSTED);

        VerificationReport report = verifier.verify(issuer.signDataIntegrity(request(null), SIGNING_KEY),
                                                    DURING_VALIDITY);

        assertThat(report.check(Check.SIGNATURE).ok()).isFalse();
        assertThat(report.check(Check.SIGNATURE).detail()).contains("unknown verification method");
    }

    @Test
    void unknownContextIsRefusedNotFetched() {
        ObjectNode credential = signed();
        ((ArrayNode) credential.get("@context")).add("https://contexts.example.org/makers.jsonld");

        VerificationReport report = verify(credential);

        assertThat(report.check(Check.CONTEXTS).ok()).isFalse();
        assertThat(report.check(Check.CONTEXTS).detail())
                .contains("refused context https://contexts.example.org/makers.jsonld", "never fetched");
        assertThat(report.check(Check.SIGNATURE).detail()).contains("not verified", "contexts");
        assertThat(report.check(Check.SCHEMA).ok()).isTrue();
    }

    @Test
    void inlineContextIsRefused() {
        ObjectNode credential = signed();
        ((ArrayNode) credential.get("@context")).addObject().put("favouriteColour", "https://example.org/colour");

        VerificationReport report = verify(credential);

        assertThat(report.check(Check.CONTEXTS).ok()).isFalse();
        assertThat(report.check(Check.CONTEXTS).detail()).contains("inline context");
    }

    @Test
    void undefinedTermFailsSafeMode() {
        ObjectNode credential = signed();
        ((ObjectNode) credential.get("credentialSubject")).put("favouriteColour", "blue");

        VerificationReport report = verify(credential);

        assertThat(report.check(Check.CONTEXTS).ok()).isTrue();
        assertThat(report.check(Check.SAFE_MODE).ok()).isFalse();
        assertThat(report.check(Check.SAFE_MODE).detail()).contains("undefined term 'favouriteColour'");
        assertThat(report.check(Check.SIGNATURE).detail()).contains("not verified", "safe_mode");
    }

    @Test
    void undefinedTypeFailsSafeMode() {
        ObjectNode credential = signed();
        ((ArrayNode) credential.get("type")).add("MakerCredential");

        VerificationReport report = verify(credential);

        assertThat(report.check(Check.SAFE_MODE).ok()).isFalse();
        assertThat(report.check(Check.SAFE_MODE).detail()).contains("undefined type 'MakerCredential'");
    }

    @Test
    void expiredCredentialFailsValidityOnly() {
        String credential = issuer.signDataIntegrity(request(null), SIGNING_KEY);

        VerificationReport report = verifier().verify(credential, CERTIFICATION_EXPIRES.plusSeconds(1));

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.VALIDITY);
        assertThat(report.check(Check.VALIDITY).detail()).contains("expired", "2028-03-02T10:15:30Z");
    }

    @Test
    void credentialIsNotValidBeforeItsValidFrom() {
        String credential = issuer.signDataIntegrity(request(null), SIGNING_KEY);

        VerificationReport report = verifier().verify(credential, CredentialFixtures.AWARDED_AT.minusSeconds(3600));

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.VALIDITY);
        assertThat(report.check(Check.VALIDITY).detail()).contains("not valid yet");
    }

    @Test
    void credentialBreakingTheSchemaFailsTheSchemaCheck() {
        ObjectNode credential = signed();
        credential.remove("validFrom");

        VerificationReport report = verify(credential);

        assertThat(report.check(Check.SCHEMA).ok()).isFalse();
        assertThat(report.check(Check.SCHEMA).detail()).contains("validFrom");
    }

    @Test
    void statusAndIssuerTrustComeFromTheCallersHooks() {
        CredentialVerifier verifier = new CredentialVerifier(
                labKeys(), presented -> VerificationHook.Outcome.failed("revoked at index 94567"),
                presented -> VerificationHook.Outcome.ok("issuer " + presented.credential().at("/issuer/id").asText()
                                                         + " signs with " + presented.verificationMethod()));

        VerificationReport report = verifier.verify(issuer.signDataIntegrity(request(null), SIGNING_KEY),
                                                    DURING_VALIDITY);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.STATUS);
        assertThat(report.check(Check.STATUS).detail()).isEqualTo("revoked at index 94567");
        assertThat(report.check(Check.ISSUER_TRUSTED).detail())
                .endsWith("signs with " + SIGNING_KEY.verificationMethod(URLS));
    }

    @Test
    void tamperedJwtPayloadFailsTheSignature() {
        String[] parts = issuer.signJwt(request(null), SIGNING_KEY).split("\\.");
        ObjectNode payload = CredentialJson.parseObject(new String(Base64.getUrlDecoder().decode(parts[1])));
        ((ObjectNode) payload.at("/credentialSubject/achievement")).put("name", "Laser Cutter Trainer");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(CredentialJson.write(payload).getBytes()) + "." + parts[2];

        VerificationReport report = verifier().verify(tampered, DURING_VALIDITY);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.SIGNATURE);
        assertThat(report.check(Check.SIGNATURE).detail()).contains("signature does not match");
    }

    @Test
    void jwtSignedByAnotherKeyFails() {
        String jwt = issuer.signJwt(request(null), SIGNING_KEY);
        CredentialVerifier verifier = new CredentialVerifier(
                method -> Optional.of(Ed25519SigningKey.generate().publicKey()), NOT_REVOKED, TRUSTED);

        VerificationReport report = verifier.verify(jwt, DURING_VALIDITY);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.SIGNATURE);
    }

    @Test
    void jwtWhoseClaimsDisagreeWithItsCredentialFails() {
        String[] parts = issuer.signJwt(request(null), SIGNING_KEY).split("\\.");
        ObjectNode payload = CredentialJson.parseObject(new String(Base64.getUrlDecoder().decode(parts[1])));
        payload.put("id", "urn:uuid:00000000-0000-0000-0000-000000000000");
        String resigned = resign(parts[0], payload);

        VerificationReport report = verifier().verify(resigned, DURING_VALIDITY);

        assertThat(report.check(Check.SIGNATURE).ok()).isFalse();
        assertThat(report.check(Check.SIGNATURE).detail()).contains("jti is urn:uuid:7b909d7c");
    }

    @Test
    void expiredJwtFailsValidity() {
        String jwt = issuer.signJwt(request(null), SIGNING_KEY);

        VerificationReport report = verifier().verify(jwt, CERTIFICATION_EXPIRES);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.VALIDITY);
    }

    @Test
    void unreadableInputFailsEveryCheck() {
        VerificationReport report = verifier().verify("{\"id\": 1, \"id\": 2}", DURING_VALIDITY);

        assertThat(report.verified()).isFalse();
        assertThat(report.check(Check.SIGNATURE).detail()).contains("Duplicate field 'id'");
        assertThat(report.credential()).isNull();
    }

    /** The payload signed again with the lab key under the lab's verification method, as a forger with the key could. */
    private static String resign(String header, ObjectNode payload) {
        String input = header + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(CredentialJson.write(payload).getBytes());
        byte[] signature = SIGNING_KEY.signingKey().sign(input.getBytes());
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
