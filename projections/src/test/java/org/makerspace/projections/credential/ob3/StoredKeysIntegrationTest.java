package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.AWARDED_AT;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.DURING_VALIDITY;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.FABLAB;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.NOT_REVOKED;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.TRUSTED;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * Keys stored in MongoDB sign and verify credentials: after a rotation what the old key signed still verifies, and
 * the issuer-trust hook ties each key to its own lab.
 */
class StoredKeysIntegrationTest {

    private final IssuerKeys keys = new IssuerKeys(TestMongo.server().freshStorage("stored_keys"),
                                                   MasterKey.generate());
    private final OpenBadgeIssuer issuer = new OpenBadgeIssuer(URLS);

    @Test
    void credentialSignedBeforeARotationStillVerifies() {
        IssuerKey old = keys.addKey(FABLAB, Instant.parse("2026-01-01T00:00:00Z"));
        String credential = issuer.signDataIntegrity(request(null), keys.signingKeyAt(FABLAB, AWARDED_AT));
        String jwt = issuer.signJwt(request(null), keys.signingKeyAt(FABLAB, AWARDED_AT));

        keys.addKey(FABLAB, Instant.parse("2026-04-01T00:00:00Z"));
        CredentialVerifier verifier = new CredentialVerifier(keys.resolver(URLS), NOT_REVOKED, TRUSTED);

        assertThat(verifier.verify(credential, DURING_VALIDITY).failures()).isEmpty();
        assertThat(verifier.verify(jwt, DURING_VALIDITY).failures()).isEmpty();
        assertThat(CredentialJson.parseObject(credential).at("/proof/0/verificationMethod").asText())
                .endsWith("/keys/" + old.keyId());
    }

    @Test
    void credentialIssuedAfterARotationNamesTheNewKey() {
        keys.addKey(FABLAB, Instant.parse("2026-01-01T00:00:00Z"));
        IssuerKey current = keys.addKey(FABLAB, Instant.parse("2026-02-01T00:00:00Z"));

        String credential = issuer.signDataIntegrity(request(null), keys.signingKeyAt(FABLAB, AWARDED_AT));

        assertThat(CredentialJson.parseObject(credential).at("/proof/0/verificationMethod").asText())
                .endsWith("/keys/" + current.keyId());
        assertThat(new CredentialVerifier(keys.resolver(URLS), NOT_REVOKED, TRUSTED)
                           .verify(credential, DURING_VALIDITY).verified()).isTrue();
    }

    @Test
    void ownLabsTrustAcceptsALabsCredentialSignedWithItsKey() {
        keys.addKey(FABLAB, Instant.parse("2026-01-01T00:00:00Z"));
        String credential = issuer.signDataIntegrity(request(null), keys.signingKeyAt(FABLAB, AWARDED_AT));

        VerificationReport report = new CredentialVerifier(keys.resolver(URLS), NOT_REVOKED,
                                                           IssuerTrust.ownLabs(keys, URLS))
                .verify(credential, DURING_VALIDITY);

        assertThat(report.check(Check.ISSUER_TRUSTED).ok()).isTrue();
    }

    @Test
    void ownLabsTrustRefusesACredentialNamingAnotherIssuerThanTheKeysLab() {
        keys.addKey(FABLAB, Instant.parse("2026-01-01T00:00:00Z"));
        CredentialRequest genuine = request(null);
        CredentialRequest impersonating = new CredentialRequest(
                new IssuerProfile(URLS.issuer(LabId.of("makerspace-sud")), "Makerspace Sud", null, null),
                genuine.achievement(), genuine.award(), genuine.recipient(), genuine.validity(), genuine.status());
        String credential = issuer.signDataIntegrity(impersonating, keys.signingKeyAt(FABLAB, AWARDED_AT));

        VerificationReport report = new CredentialVerifier(keys.resolver(URLS), NOT_REVOKED,
                                                           IssuerTrust.ownLabs(keys, URLS))
                .verify(credential, DURING_VALIDITY);

        assertThat(report.failures()).extracting(Check::name).containsExactly(Check.ISSUER_TRUSTED);
        assertThat(report.check(Check.ISSUER_TRUSTED).detail()).contains("names issuer", "makerspace-sud");
    }
}
