package org.makerspace.api.openbadges.page;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.makerspace.api.achievement.image.BadgeImage;
import org.makerspace.api.achievement.image.BadgeImageStore;
import org.makerspace.api.badgeimage.DefaultBadgeImage;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerTrust;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.issuance.CredentialState;
import org.makerspace.projections.issuance.IssuedCredential;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.makerspace.projections.issuance.RegistryStatusCheck;
import org.makerspace.projections.status.StatusListRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads an award's stored credential and verifies it as any verifier would, but with this installation's own
 * knowledge: keys and issuer trust from our labs' keys, status from the status list registry (what the published
 * lists say). Verified on every view, at the clock's time, since a revocation must show at once.
 */
@Component
class CredentialPages {

    private final IssuedCredentials issued;
    private final PublicUrls urls;
    private final BadgeImageStore uploaded;
    private final CredentialVerifier verifier;
    private final Clock clock;

    CredentialPages(IssuedCredentials issued, IssuerKeys keys, StatusListRegistry registry, PublicUrls urls,
                    BadgeImageStore uploaded, Clock clock) {
        this.issued = issued;
        this.urls = urls;
        this.uploaded = uploaded;
        this.verifier = new CredentialVerifier(keys.resolver(urls), RegistryStatusCheck.of(registry, urls),
                                               IssuerTrust.ownLabs(keys, urls));
        this.clock = clock;
    }

    /** The page of an issued credential, or empty when no credential was issued under this award id. */
    Optional<CredentialPage> page(String awardId) {
        return issued.credential(awardId).map(this::page);
    }

    String pageUrl(String awardId) {
        return urls.credentialPage(awardId);
    }

    private CredentialPage page(IssuedCredential credential) {
        Instant now = clock.instant();
        VerificationReport report = verifier.verifyJsonLd(credential.dataIntegrity(), now);
        CredentialState state = issued.state(credential.awardId()).orElse(null);
        if (state != null && state.active() != report.check(Check.STATUS).ok()) {
            // The lab changed the status between the two reads: verify again, so banner and check agree.
            report = verifier.verifyJsonLd(credential.dataIntegrity(), now);
        }
        ObjectNode stored = CredentialJson.parseObject(credential.dataIntegrity());
        BadgeImage png = uploadedPng(credential).orElse(null);
        int width = png == null ? DefaultBadgeImage.BADGE_SIZE : png.width();
        int height = png == null ? DefaultBadgeImage.BADGE_SIZE : png.height();
        return CredentialPage.of(credential.awardId(), stored, report.checks(), state, now,
                                 CredentialPage.Links.of(urls, credential.awardId(), width, height));
    }

    /**
     * The PNG the lab uploaded for the awarded version, which the baked badge.png then shows; an SVG upload leaves the
     * default PNG there (link previews need a raster image), as the baked badges explain.
     */
    private Optional<BadgeImage> uploadedPng(IssuedCredential credential) {
        return issued.achievement(credential.achievementId(), credential.achievementVersion())
                .flatMap(achievement -> HostedImage.fromUrl(achievement.imageUrl()))
                .filter(image -> image.format() == HostedImage.Format.PNG)
                .flatMap(uploaded::find);
    }
}
