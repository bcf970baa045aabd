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
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.AwardRedated;
import org.makerspace.ledger.member.api.AwardReinstated;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.AwardSuspended;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardedAchievement;
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
 * Issues the Open Badges 3.0 credential of every award the ledger records, once, keeps its end of validity in step
 * with the certifications behind it, and keeps its status lists in step with what the ledger later says about the
 * award and those certifications. See the package description for why a replay gives the same bytes.
 */
@ProcessingGroup(IssuanceProjection.PROCESSING_GROUP)
public class IssuanceProjection {

    public static final String PROCESSING_GROUP = "issuance";
    public static final String CREDENTIALS = "issued_credentials";
    static final String LABS = "issuance_labs";
    static final String ACHIEVEMENTS = "issuance_achievements";
    static final String CERTIFICATION_AWARDS = "issuance_certification_awards";
    static final String STATUS_CAUSES = "issuance_status_causes";
    static final String MACHINES = "issuance_machines";
    static final String CERTIFICATIONS = "issuance_member_certifications";
    /** The awards issued, with their evidence, which a credential does not show but its end of validity follows. */
    static final String AWARDS = "issuance_awards";

    private final RowCollection<IssuedCredential> credentials;
    private final RowCollection<IssuerLab> labs;
    private final RowCollection<AchievementVersions> achievements;
    private final RowCollection<CertificationAwards> certificationAwards;
    private final RowCollection<StatusCauses> statusCauses;
    private final RowCollection<IssuerMachine> machines;
    private final RowCollection<MemberCertifications> certifications;
    private final RowCollection<Award> awards;
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
        this.machines = new RowCollection<>(storage, MACHINES, IssuerMachine.class, IssuerMachine::id);
        this.certifications = new RowCollection<>(storage, CERTIFICATIONS, MemberCertifications.class,
                                                  MemberCertifications::id);
        this.awards = new RowCollection<>(storage, AWARDS, Award.class, Award::awardId);
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

    // ---------------------------------------------------------------- issuers, achievements, machines

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

    @EventHandler
    void on(MachineRegistered event) {
        if (machines.find(IssuerMachine.key(event.labId(), event.machineId())).isEmpty()) {
            machines.save(new IssuerMachine(event.labId(), event.machineId(), event.machineType()));
        }
    }

    // ---------------------------------------------------------------- the certifications behind credentials

    @EventHandler
    void on(MachineCertificationGranted event) {
        updateCertifications(event.memberId(), known -> known.with(event));
    }

    /**
     * A session moves on the end of the certifications covering its machine that expire after months without use;
     * the credentials whose evidence names one are signed again with their new end.
     */
    @EventHandler
    void on(MachineSessionStarted event) {
        Optional<IssuerMachine> machine = machines.find(IssuerMachine.key(event.labId(), event.machineId()));
        if (machine.isEmpty()) {
            return;
        }
        MemberCertifications known = memberCertifications(event.memberId());
        MemberCertifications used = known.usedAt(machine.get().labId(), machine.get().machineId(),
                                                  machine.get().machineType(), event.startedAt());
        if (used.equals(known)) {
            return;
        }
        certifications.save(used);
        for (CertificationId changed : known.endsChangedIn(used)) {
            forAwardsOf(event.memberId(), changed, awardId -> credentials.find(awardId)
                    .ifPresent(credential -> renewValidity(credential, used)));
        }
    }

    // ---------------------------------------------------------------- issuance

    /**
     * Issues the award's credential unless it is already stored. The credential is written last, after the award's
     * status index, routes and any earlier decision about it, so a redelivery after a crash finishes the work.
     */
    @EventHandler
    void on(AchievementAwarded event) {
        Award award = Award.of(event);
        if (credentials.find(award.awardId()).isPresent()) {
            return;
        }
        IssuerLab lab = labs.find(award.labId().value()).orElseThrow(() -> new IllegalStateException(
                "award " + award.awardId() + " cannot be issued: the registration of lab " + award.labId()
                + " was not seen by this processing group (rebuild it from the start)"));
        AwardedAchievement achievement = achievements.find(award.achievementId().value())
                .flatMap(known -> known.version(award.achievementVersion()))
                .orElseThrow(() -> new IllegalStateException(
                        "award " + award.awardId() + " cannot be issued: version " + award.achievementVersion() + " of "
                        + award.achievementId() + " was not seen by this processing group (rebuild it from the start)"));
        List<String> certificationIds = certificationsIn(award);
        certificationIds.forEach(id -> route(award.memberId(), CertificationId.of(id), award.awardId()));
        int index = registry.register(award.awardId(), award.labId(), award.awardedAt());
        MemberCertifications terms = memberCertifications(award.memberId());
        standingOfCertifications(award, certificationIds, terms);
        Validity validity = CredentialValidity.of(award, terms::term);
        CredentialRequest request = request(lab, achievement, award, validity, registry, urls);
        Recipient recipient = request.recipient();
        IssuerSigningKey key = signingKey(lab, award.awardedAt());
        String dataIntegrity = issuer.signDataIntegrity(request, key);
        String jwt = issuer.signJwt(request, key);
        statusCauses.find(award.awardId()).ifPresent(this::applyToLists);
        credentials.save(new IssuedCredential(award.awardId(), award.labId(), award.memberId(), award.achievementId(),
                                              award.achievementVersion(), validity.validFrom(), validity.validUntil(),
                                              index, key.key().keyId(), certificationIds, recipient.subjectId(),
                                              recipient.salt(), dataIntegrity, jwt));
        awards.save(award);
    }

    /**
     * An award dated earlier (a fact dated before it was recorded after it): its credential is signed again, starting
     * then, with the evidence as of then.
     */
    @EventHandler
    void on(AwardRedated event) {
        Optional<Award> known = awards.find(event.awardId().value());
        if (known.isEmpty()) {
            return;
        }
        Award redated = known.get().redated(event);
        awards.save(redated);
        certificationsIn(redated).forEach(id -> route(redated.memberId(), CertificationId.of(id), redated.awardId()));
        credentials.find(redated.awardId())
                .ifPresent(credential -> renewValidity(credential, memberCertifications(redated.memberId())));
    }

    /**
     * Signs the credential again, with the key that signed it, when its award's date or the end its certifications
     * give it has moved: the credential anyone fetches then says what the passport and the machines say.
     */
    private void renewValidity(IssuedCredential credential, MemberCertifications terms) {
        Optional<Award> awarded = awards.find(credential.awardId());
        if (awarded.isEmpty()) {
            return;
        }
        Award award = awarded.get();
        Validity validity = CredentialValidity.of(award, terms::term);
        if (Objects.equals(validity.validUntil(), credential.validUntil())
                && validity.validFrom().equals(credential.validFrom())) {
            return;
        }
        Optional<IssuerLab> lab = labs.find(credential.labId().value());
        Optional<AwardedAchievement> achievement = achievements.find(credential.achievementId().value())
                .flatMap(known -> known.version(credential.achievementVersion()));
        if (lab.isEmpty() || achievement.isEmpty()) {
            return;
        }
        CredentialRequest request = request(lab.get(), achievement.get(), award, validity, registry, urls);
        IssuerSigningKey key = keys.signingKey(credential.keyId());
        credentials.save(credential.withValidity(validity.validFrom(), validity.validUntil(),
                                                 issuer.signDataIntegrity(request, key), issuer.signJwt(request, key)));
    }

    /** The certifications that met a CertificationHeld criterion of the award, in evidence order. */
    private static List<String> certificationsIn(Award award) {
        List<String> ids = new ArrayList<>();
        for (AwardEvidence evidence : award.evidence()) {
            if (evidence.criterion() instanceof Criterion.CertificationHeld) {
                evidence.evidenceIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
            }
        }
        return ids;
    }

    /**
     * An award may be dated before a certification behind it was suspended or revoked, and recorded after that: its
     * credential then starts suspended or revoked, as it would be had the award been recorded first.
     */
    private void standingOfCertifications(Award award, List<String> certificationIds, MemberCertifications terms) {
        for (String id : certificationIds) {
            CertificationId certification = CertificationId.of(id);
            terms.held(certification).ifPresent(held -> {
                if (held.revokedAt() != null) {
                    changeCauses(award.awardId(), causes -> causes.revoke(
                            revocationReason(certification, held.revocationReason()), held.revokedAt()));
                } else if (held.suspendedAt() != null) {
                    changeCauses(award.awardId(), causes -> causes.suspend(StatusCauses.certification(id),
                                                                         held.suspendedAt()));
                }
            });
        }
    }

    private static String revocationReason(CertificationId certification, String reason) {
        return "certification " + certification + " was revoked: " + reason;
    }

    private void updateCertifications(MemberId member, UnaryOperator<MemberCertifications> change) {
        MemberCertifications known = memberCertifications(member);
        MemberCertifications updated = change.apply(known);
        if (!updated.equals(known)) {
            certifications.save(updated);
        }
    }

    private MemberCertifications memberCertifications(MemberId member) {
        return certifications.find(member.value()).orElseGet(() -> MemberCertifications.none(member));
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
        updateCertifications(event.memberId(),
                             known -> known.revoked(event.certificationId(), event.reason(), event.revokedAt()));
        String reason = revocationReason(event.certificationId(), event.reason());
        forAwardsOf(event.memberId(), event.certificationId(),
                    awardId -> change(awardId, causes -> causes.revoke(reason, event.revokedAt())));
    }

    @EventHandler
    void on(MachineCertificationSuspended event) {
        updateCertifications(event.memberId(), known -> known.suspended(event.certificationId(), event.suspendedAt()));
        String cause = StatusCauses.certification(event.certificationId().value());
        forAwardsOf(event.memberId(), event.certificationId(),
                    awardId -> change(awardId, causes -> causes.suspend(cause, event.suspendedAt())));
    }

    @EventHandler
    void on(MachineCertificationReinstated event) {
        updateCertifications(event.memberId(), known -> known.reinstated(event.certificationId()));
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
        awards.clear();
        machines.clear();
        certifications.clear();
        labs.clear();
        achievements.clear();
        certificationAwards.clear();
        statusCauses.clear();
        registry.clear();
    }

    private void change(String awardId, UnaryOperator<StatusCauses> change) {
        StatusCauses updated = changeCauses(awardId, change);
        if (registry.status(awardId).isPresent()) {
            applyToLists(updated);
        }
    }

    private StatusCauses changeCauses(String awardId, UnaryOperator<StatusCauses> change) {
        StatusCauses known = statusCauses.find(awardId).orElseGet(() -> StatusCauses.none(awardId));
        StatusCauses updated = change.apply(known);
        if (!updated.equals(known)) {
            statusCauses.save(updated);
        }
        return updated;
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
