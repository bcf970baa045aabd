package org.makerspace.projections.credential.ob3;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.makerspace.projections.credential.proof.KeyResolver;

/** One lab, one badge, one award and one signing key, fixed so that credentials built from them never change. */
final class CredentialFixtures {

    static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-nord.example");
    static final LabId FABLAB = LabId.of("fablab-nord");
    static final MemberId ADA = MemberId.of("member-ada");
    static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    static final Instant AWARDED_AT = Instant.parse("2026-03-02T10:15:30.250Z");
    static final Instant CERTIFICATION_EXPIRES = Instant.parse("2028-03-02T10:15:30Z");
    static final Instant DURING_VALIDITY = Instant.parse("2026-06-01T00:00:00Z");

    static final Criterion LASER_COURSE = new Criterion.TrainingCompleted("laser-basics");
    static final Criterion LASER_HELD = new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                         CertificationLevel.AUTONOMOUS);

    static final Ed25519SigningKey LAB_SECRET = Ed25519SigningKey.fromSeed(
            HexFormat.of().parseHex("4c616220736967e96e67206b657920666f7220746573747320303030303030ff"));
    static final IssuerKey LAB_KEY = new IssuerKey("ed25519-test0001", FABLAB, LAB_SECRET.publicKey(),
                                                   Instant.parse("2026-01-01T00:00:00Z"), true);
    static final IssuerSigningKey SIGNING_KEY = new IssuerSigningKey(LAB_KEY, LAB_SECRET);

    static final VerificationHook NOT_REVOKED = presented -> VerificationHook.Outcome.ok("no status list (test)");
    static final VerificationHook TRUSTED = presented -> VerificationHook.Outcome.ok("trusted (test)");

    private CredentialFixtures() {
    }

    static LabView lab() {
        return new LabView(FABLAB, "FabLab Nord", "https://fablab-nord.example", "hello@fablab-nord.example",
                           Instant.parse("2025-09-01T08:00:00Z"), List.of(), List.of(), List.of(laserBadge()));
    }

    static AchievementView laserBadge() {
        return new AchievementView(LASER_BADGE, FABLAB, 1, "Laser Cutter Operator",
                                   "Operates the lab's laser cutters safely and on their own.",
                                   List.of(LASER_COURSE, LASER_HELD), "/images/laser-badge.png", false);
    }

    static Award award() {
        return new Award(Award.idFor(ADA, LASER_BADGE, 1, "event-42"), ADA, LASER_BADGE, 1, FABLAB, AWARDED_AT,
                         List.of(new AwardEvidence(LASER_COURSE, List.of("training-7")),
                                 new AwardEvidence(LASER_HELD, List.of("certification-3"))));
    }

    /** The request for Ada's laser badge, with her name if given, valid until the certification expires. */
    static CredentialRequest request(String name) {
        return request(name, CERTIFICATION_EXPIRES);
    }

    static CredentialRequest request(String name, Instant validUntil) {
        return new CredentialRequest(IssuerProfile.of(lab(), URLS), AchievementDescription.of(laserBadge(), URLS),
                                     award(), Recipient.of(award(), name), Validity.of(award(), validUntil),
                                     List.of(StatusEntry.bitstring(URLS.base() + "/ob3/status/fablab-nord/1#94567",
                                                                   "revocation", 94567,
                                                                   URLS.base() + "/ob3/status/fablab-nord/1")));
    }

    /** Resolves only the lab key's verification method. */
    static KeyResolver labKeys() {
        String method = SIGNING_KEY.verificationMethod(URLS);
        return id -> method.equals(id) ? Optional.of(LAB_KEY.publicKey()) : Optional.empty();
    }

    static CredentialVerifier verifier() {
        return new CredentialVerifier(labKeys(), NOT_REVOKED, TRUSTED);
    }
}
