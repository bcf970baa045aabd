package org.makerspace.projections.issuance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.member.api.AwardReinstated;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.AwardSuspended;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardListener;
import org.makerspace.projections.award.AwardMade;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.award.HeldCertification;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.ob3.AchievementDescription;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.OpenBadgeIssuer;
import org.makerspace.projections.credential.ob3.Recipient;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.ob3.Validity;
import org.makerspace.projections.status.BitstringStatusListEntry;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.status.StatusPurpose;
import org.makerspace.projections.support.RowCollection;

/**
 * Issues the Open Badges 3.0 credential of every award, once, and keeps its status lists in step with what the
 * ledger later says about the award and the certifications behind it. See the package description for why this is
 * a second handler of the award processing group and why a replay gives the same bytes.
 */
@ProcessingGroup(AwardProjection.PROCESSING_GROUP)
public class IssuanceProjection implements AwardListener {

    public static final String CREDENTIALS = "issued_credentials";
    static final String LABS = "issuance_labs";
    static final String ACHIEVEMENTS = "issuance_achievements";
    static final String CERTIFICATION_AWARDS = "issuance_certification_awards";
    static final String STATUS_CAUSES = "issuance_status_causes";

    private final RowCollection<IssuedCredential> credentials;
    private final RowCollection<IssuerLab> labs;
    private final RowCollection<AchievementVersions> achievements;
    private final RowCollection<CertificationAwards> certificationAwards;
    private final RowCollection<StatusCauses> statusCauses;
    private final IssuerKeys keys;
    private final StatusListRegistry registry;
    private final PublicUrls urls;
    private final OpenBadgeIssuer issuer;

    public IssuanceProjection(LedgerStorage storage, IssuerKeys keys, StatusListRegistry registry, PublicUrls urls) {
        this.credentials = credentialsOf(storage);
        this.labs = labsOf(storage);
        this.achievements = achievementsOf(storage);
        this.certificationAwards = new RowCollection<>(storage, CERTIFICATION_AWARDS, CertificationAwards.class,
                                                       CertificationAwards::id);
        this.statusCauses = statusCausesOf(storage);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.issuer = new OpenBadgeIssuer(urls);
    }

    static RowCollection<IssuedCredential> credentialsOf(LedgerStorage storage) {
        return new RowCollection<>(storage, CREDENTIALS, IssuedCredential.class, IssuedCredential::awardId);
    }

    static RowCollection<IssuerLab> labsOf(LedgerStorage storage) {
        return new RowCollection<>(storage, LABS, IssuerLab.class, IssuerLab::id);
    }

    static RowCollection<AchievementVersions> achievementsOf(LedgerStorage storage) {
        return new RowCollection<>(storage, ACHIEVEMENTS, AchievementVersions.class, AchievementVersions::id);
    }

    static RowCollection<StatusCauses> statusCausesOf(LedgerStorage storage) {
        return new RowCollection<>(storage, STATUS_CAUSES, StatusCauses.class, StatusCauses::awardId);
    }

    // ---------------------------------------------------------------- issuers and achievements

    /** A lab becomes an issuer: its profile is kept, and its first signing key starts when it was registered. */
    @EventHandler
    void on(LabRegistered event, @Timestamp Instant recordedAt) {
        Optional<IssuerLab> known = labs.find(event.labId().value());
        IssuerLab lab = known.orElseGet(() -> IssuerLab.of(event, recordedAt));
        if (known.isEmpty()) {
            labs.save(lab);
        }
        keys.ensureKey(lab.labId(), lab.registeredAt());
    }

    @EventHandler
    void on(AchievementDefined event) {
        remember(new AwardedAchievement(event.achievementId(), event.labId(), event.version(), event.name(),
                                        event.description(), event.imageUrl(), event.criteria()));
    }

    @EventHandler
    void on(AchievementRevised event) {
        achievements.find(event.achievementId().value()).ifPresent(known -> remember(new AwardedAchievement(
                event.achievementId(), known.labId(), event.version(), event.name(), event.description(),
                event.imageUrl(), event.criteria())));
    }

    // ---------------------------------------------------------------- issuance

    /**
     * Issues the award's credential unless it is already stored. The credential is written last, after the award's
     * status index, routes and any earlier decision about it, so a redelivery after a crash finishes the work.
     */
    @Override
    public void awarded(AwardMade made) {
        Award award = made.award();
        if (credentials.find(award.awardId()).isPresent()) {
            return;
        }
        IssuerLab lab = labs.find(award.labId().value()).orElseThrow(() -> new IllegalStateException(
                "award " + award.awardId() + " cannot be issued: the registration of lab " + award.labId()
                + " was not seen by this processing group (replay it from the start)"));
        remember(made.achievement());
        List<String> certificationIds = new ArrayList<>();
        for (HeldCertification certification : made.certifications()) {
            certificationIds.add(certification.certificationId().value());
            route(award.memberId(), certification.certificationId(), award.awardId());
        }
        int index = registry.register(award.awardId(), award.labId(), award.awardedAt());
        Validity validity = CredentialValidity.of(made);
        CredentialRequest request = request(lab, made.achievement(), award, validity, registry, urls);
        Recipient recipient = request.recipient();
        IssuerSigningKey key = signingKey(lab, award.awardedAt());
        String dataIntegrity = issuer.signDataIntegrity(request, key);
        String jwt = issuer.signJwt(request, key);
        statusCauses.find(award.awardId()).ifPresent(this::applyToLists);
        credentials.save(new IssuedCredential(award.awardId(), award.labId(), award.memberId(), award.achievementId(),
                                              award.achievementVersion(), validity.validFrom(), validity.validUntil(),
                                              index, key.key().keyId(), certificationIds, recipient.subjectId(),
                                              recipient.salt(), dataIntegrity, jwt));
    }

    /**
     * The request an award's credential is built from: the lab's profile, the achievement as awarded (showing the
     * lab's image, or else the default image of that version; an image the lab uploaded is named by a path,
     * {@code /ob3/images/<sha-256>.png}, resolved against the base URL like the default), the anonymous recipient, and the one
     * {@code credentialStatus} entry the Open Badges schema allows, the revocation list's (the suspension list holds
     * the award at the same index, next to it: see the package description). Issuance and the named copies both build
     * it here, so that a named copy says exactly what the credential it copies says.
     */
    static CredentialRequest request(IssuerLab lab, AwardedAchievement achievement, Award award, Validity validity,
                                     StatusListRegistry registry, PublicUrls urls) {
        String image = achievement.imageUrl() == null || achievement.imageUrl().isBlank()
                ? urls.achievementImage(achievement.achievementId(), achievement.version(), PublicUrls.Image.PNG)
                : achievement.imageUrl();
        return new CredentialRequest(lab.profile(urls), AchievementDescription.of(achievement, image, urls), award,
                                     Recipient.of(award, null), validity,
                                     List.of(revocationEntry(award, registry, urls)));
    }

    private static StatusEntry revocationEntry(Award award, StatusListRegistry registry, PublicUrls urls) {
        for (BitstringStatusListEntry entry : registry.credentialStatus(award.awardId(), urls.base())) {
            if (entry.statusPurpose().equals(StatusPurpose.REVOCATION.value())) {
                return new StatusEntry(entry.id(), entry.type(), entry.statusPurpose(), entry.statusListIndex(),
                                       entry.statusListCredential());
            }
        }
        throw new IllegalStateException("award " + award.awardId() + " has no revocation list entry");
    }

    /**
     * The lab's key that was active at the award's business time; the lab's first key when the award is older than
     * every key (history recorded after the fact), and a first key from the lab's registration if it has none.
     */
    private IssuerSigningKey signingKey(IssuerLab lab, Instant awardedAt) {
        List<IssuerKey> all = keys.keysOf(lab.labId());
        if (all.isEmpty()) {
            all = List.of(keys.ensureKey(lab.labId(), lab.registeredAt()));
        }
        IssuerKey chosen = keys.activeAt(lab.labId(), awardedAt).orElse(all.get(0));
        return keys.signingKey(chosen.keyId());
    }

    // ---------------------------------------------------------------- status

    @EventHandler
    void on(MachineCertificationRevoked event) {
        String reason = "certification " + event.certificationId() + " was revoked: " + event.reason();
        forAwardsOf(event.memberId(), event.certificationId(),
                    awardId -> change(awardId, causes -> causes.revoke(reason, event.revokedAt())));
    }

    @EventHandler
    void on(MachineCertificationSuspended event) {
        String cause = StatusCauses.certification(event.certificationId().value());
        forAwardsOf(event.memberId(), event.certificationId(),
                    awardId -> change(awardId, causes -> causes.suspend(cause, event.suspendedAt())));
    }

    @EventHandler
    void on(MachineCertificationReinstated event) {
        String cause = StatusCauses.certification(event.certificationId().value());
        forAwardsOf(event.memberId(), event.certificationId(),
                    awardId -> change(awardId, causes -> causes.reinstate(cause, event.reinstatedAt())));
    }

    @EventHandler
    void on(AwardRevoked event) {
        change(event.awardId().value(), causes -> causes.revoke(event.reason(), event.revokedAt()));
    }

    @EventHandler
    void on(AwardSuspended event) {
        change(event.awardId().value(), causes -> causes.suspend(StatusCauses.LAB, event.suspendedAt()));
    }

    @EventHandler
    void on(AwardReinstated event) {
        change(event.awardId().value(), causes -> causes.reinstate(StatusCauses.LAB, event.reinstatedAt()));
    }

    /** Everything but the labs' keys, which are not a read model: a replay must sign with the same keys. */
    @ResetHandler
    void reset() {
        credentials.clear();
        labs.clear();
        achievements.clear();
        certificationAwards.clear();
        statusCauses.clear();
        registry.clear();
    }

    private void change(String awardId, UnaryOperator<StatusCauses> change) {
        StatusCauses known = statusCauses.find(awardId).orElseGet(() -> StatusCauses.none(awardId));
        StatusCauses updated = change.apply(known);
        if (!updated.equals(known)) {
            statusCauses.save(updated);
        }
        if (registry.status(awardId).isPresent()) {
            applyToLists(updated);
        }
    }

    /** Sets the lists' bits to what the causes say; the registry writes only what changes. */
    private void applyToLists(StatusCauses causes) {
        if (causes.revoked()) {
            registry.revoke(causes.awardId(), causes.revokedAt());
        }
        if (causes.changedAt() == null) {
            return;
        }
        if (causes.suspended()) {
            registry.suspend(causes.awardId(), causes.changedAt());
        } else {
            registry.reinstate(causes.awardId(), causes.changedAt());
        }
    }

    private void forAwardsOf(MemberId member, CertificationId certification, Consumer<String> action) {
        certificationAwards.find(CertificationAwards.key(member, certification))
                .ifPresent(route -> route.awardIds().forEach(action));
    }

    private void route(MemberId member, CertificationId certification, String awardId) {
        CertificationAwards known = certificationAwards.find(CertificationAwards.key(member, certification))
                .orElseGet(() -> CertificationAwards.none(member, certification));
        CertificationAwards updated = known.with(awardId);
        if (!updated.equals(known)) {
            certificationAwards.save(updated);
        }
    }

    private void remember(AwardedAchievement achievement) {
        AchievementVersions known = achievements.find(achievement.achievementId().value())
                .orElseGet(() -> AchievementVersions.none(achievement.achievementId(), achievement.labId()));
        AchievementVersions updated = known.with(achievement);
        if (!updated.equals(known)) {
            achievements.save(updated);
        }
    }
}
