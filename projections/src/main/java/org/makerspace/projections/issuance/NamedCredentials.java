package org.makerspace.projections.issuance;

import java.util.Objects;
import java.util.Optional;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.OpenBadgeIssuer;
import org.makerspace.projections.credential.ob3.Validity;
import org.makerspace.projections.status.StatusListRegistry;

/**
 * Builds the named copy of an issued credential, on request, for a learner who chose to show their name: the request
 * issuance built the credential from (the same award, lab profile, achievement version, validity and status entry),
 * with the name added and the copy's own id, signed by the key that signed the credential. Nothing is stored: the
 * name lives in the erasable member directory, never in the ledger or its read models, so the stored credential
 * stays anonymous and byte-identical on replay, and the copy is simply no longer built once the learner withdraws
 * their choice or is erased. Ed25519 and the credential mapping are deterministic, so one name always gives the same
 * bytes.
 */
public final class NamedCredentials {

    private final IssuedCredentials issued;
    private final IssuerKeys keys;
    private final StatusListRegistry registry;
    private final PublicUrls urls;
    private final OpenBadgeIssuer issuer;

    public NamedCredentials(IssuedCredentials issued, IssuerKeys keys, StatusListRegistry registry, PublicUrls urls) {
        this.issued = Objects.requireNonNull(issued, "issued");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.issuer = new OpenBadgeIssuer(urls);
    }

    /**
     * The named copy of {@code credential}, showing {@code name}; empty while its lab or its achievement
     * version is missing from the read models, which only happens while a replay rebuilds them.
     */
    public Optional<NamedCredential> of(IssuedCredential credential, String name) {
        Optional<IssuerLab> lab = issued.lab(credential.labId());
        Optional<AwardedAchievement> achievement = issued.achievement(credential.achievementId(),
                                                                      credential.achievementVersion());
        if (lab.isEmpty() || achievement.isEmpty()) {
            return Optional.empty();
        }
        Validity validity = new Validity(credential.validFrom(), credential.validUntil());
        CredentialRequest request = IssuanceProjection
                .request(lab.get(), achievement.get(), credential.award(), validity, registry, urls)
                .named(name, urls.namedCredential(credential.awardId()));
        IssuerSigningKey key = keys.signingKey(credential.keyId());
        return Optional.of(new NamedCredential(credential.awardId(), request.id(),
                                               issuer.signDataIntegrity(request, key), issuer.signJwt(request, key)));
    }
}
