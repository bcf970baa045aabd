package org.makerspace.benchmarks;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AwardEvidence;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.ob3.AchievementDescription;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerProfile;
import org.makerspace.projections.credential.ob3.OpenBadgeIssuer;
import org.makerspace.projections.credential.ob3.Recipient;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.ob3.Validity;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Open Badges 3.0 credentials signed and verified per second, on one thread, in both proof formats: JSON-LD with an
 * eddsa-rdfc-2022 Data Integrity proof (two RDFC-1.0 canonicalisations per signature or check) and VC-JWT (EdDSA
 * over the JSON bytes). Verifying runs every check of {@link CredentialVerifier} (signature, bundled contexts, JSON-LD
 * safe mode, the 1EdTech JSON schema, validity), with status and issuer trust answered at once, so the numbers are
 * those of the credential itself, without storage. The credential is the one issuance makes of an award: issuer
 * profile, achievement with two criteria, hashed recipient, validity end and a status entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class CredentialBenchmark {

    private static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-lyon.example");
    private static final LabId LAB = LabId.of("fablab-lyon");
    private static final AchievementId BADGE = AchievementId.of("laser-pilot");
    private static final Instant AWARDED_AT = Instant.parse("2026-03-02T10:15:30Z");
    private static final Instant CHECKED_AT = Instant.parse("2026-06-01T00:00:00Z");

    private OpenBadgeIssuer issuer;
    private CredentialVerifier verifier;
    private CredentialRequest request;
    private IssuerSigningKey key;
    private String dataIntegrity;
    private String jwt;

    @Setup(Level.Trial)
    public void issueOnce() {
        Ed25519SigningKey secret = Ed25519SigningKey.fromSeed(
                HexFormat.of().parseHex("62656e63686d61726b206b657920666f72206c6162206c796f6e20303030ff01"));
        key = new IssuerSigningKey(new IssuerKey("ed25519-bench001", LAB, secret.publicKey(),
                                                 Instant.parse("2026-01-01T00:00:00Z"), true), secret);
        List<Criterion> criteria = List.of(new Criterion.TrainingCompleted("laser-basics"),
                                           new Criterion.CertificationHeld(MachineType.LASER_CUTTER,
                                                                           CertificationLevel.AUTONOMOUS));
        Award award = new Award(Award.idFor(MemberId.of("member-ada"), BADGE, 1, "event-42"),
                                MemberId.of("member-ada"), BADGE, 1, LAB, AWARDED_AT,
                                List.of(new AwardEvidence(criteria.get(0), List.of("training-7")),
                                        new AwardEvidence(criteria.get(1), List.of("certification-3"))));
        AwardedAchievement achievement = new AwardedAchievement(BADGE, LAB, 1, "Laser pilot",
                                                                "Uses the laser cutter on her own.",
                                                                null, criteria);
        String list = URLS.base() + "/status-lists/fablab-lyon/revocation";
        request = new CredentialRequest(
                new IssuerProfile(URLS.issuer(LAB), "Fablab Lyon", "https://fablab-lyon.example", null),
                AchievementDescription.of(achievement, URLS.achievementImage(BADGE, 1, PublicUrls.Image.PNG), URLS),
                award, Recipient.of(award, null), new Validity(AWARDED_AT, Instant.parse("2027-03-02T10:15:30Z")),
                List.of(StatusEntry.bitstring(list + "#4242", "revocation", 4242, list)));
        issuer = new OpenBadgeIssuer(URLS);
        String method = key.verificationMethod(URLS);
        VerificationHook accepted = presented -> VerificationHook.Outcome.ok("accepted (benchmark)");
        verifier = new CredentialVerifier(id -> method.equals(id) ? Optional.of(secret.publicKey()) : Optional.empty(),
                                          accepted, accepted);
        dataIntegrity = issuer.signDataIntegrity(request, key);
        jwt = issuer.signJwt(request, key);
        requireVerified(verifier.verify(dataIntegrity, CHECKED_AT));
        requireVerified(verifier.verify(jwt, CHECKED_AT));
    }

    @Benchmark
    public String signDataIntegrity() {
        return issuer.signDataIntegrity(request, key);
    }

    @Benchmark
    public String signJwt() {
        return issuer.signJwt(request, key);
    }

    @Benchmark
    public VerificationReport verifyDataIntegrity() {
        return verifier.verify(dataIntegrity, CHECKED_AT);
    }

    @Benchmark
    public VerificationReport verifyJwt() {
        return verifier.verify(jwt, CHECKED_AT);
    }

    private static void requireVerified(VerificationReport report) {
        if (!report.verified()) {
            throw new IllegalStateException("the benchmark's credential does not verify: " + report.failures());
        }
    }
}
