package org.makerspace.projections.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.makerspace.projections.support.TestEvents.ADA;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.LASER;
import static org.makerspace.projections.support.TestEvents.TRAINER;
import static org.makerspace.projections.support.TestEvents.laserRegistered;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.AchievementAwarded;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.session.api.MachineSessionStarted;
import org.makerspace.ledger.session.api.SessionId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessModel;
import org.makerspace.projections.access.AccessSubject;
import org.makerspace.projections.access.CardAllowlists;
import org.makerspace.projections.award.AwardDriver;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.issuance.CredentialState;
import org.makerspace.projections.issuance.IssuanceDriver;
import org.makerspace.projections.issuance.IssuanceProjection;
import org.makerspace.projections.issuance.IssuedCredential;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.makerspace.projections.passport.CertificationStatus;
import org.makerspace.projections.passport.CertificationView;
import org.makerspace.projections.passport.FindMemberPassport;
import org.makerspace.projections.passport.PassportDriver;
import org.makerspace.projections.status.StatusListRegistry;

/**
 * One history of a certification, driven day by day through the passport, machine access, the laser's signed
 * allowlist and the credential of the badge the certification earns, for each expiry rule and each level: every day
 * of a year, after that day's facts, the four say the same (valid, expired or suspended). The history has sessions
 * that keep "months without use" alive, a suspension lifted ten days later, and a session after the certification
 * lapsed, which must not revive it anywhere.
 */
class ValidityAgreementIntegrationTest {

    private static final Instant DAY_ZERO = Instant.parse("2026-01-05T09:00:00Z");
    private static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-north.example");
    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final CertificationId CERTIFICATION = CertificationId.of("cert-ada");
    private static final String CARD = "card-ada";

    static Stream<Arguments> rulesAndLevels() {
        List<ExpiryRule> rules = List.of(new ExpiryRule.Never(), new ExpiryRule.AfterPeriod(Period.ofMonths(8)),
                                         new ExpiryRule.OnDate(day(270)), new ExpiryRule.AfterInactivity(4));
        List<Arguments> cases = new ArrayList<>();
        for (ExpiryRule rule : rules) {
            for (CertificationLevel level : CertificationLevel.values()) {
                cases.add(Arguments.of(rule, level));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("rulesAndLevels")
    void thePassportTheMachineItsAllowlistAndTheCredentialAgreeEveryDayOfAYear(ExpiryRule rule,
                                                                             CertificationLevel level) {
        LedgerStorage storage = TestMongo.server().freshStorage("validity");
        PassportDriver passport = new PassportDriver(storage);
        AccessModel access = new AccessModel(Duration.ofMinutes(15));
        CardAllowlists allowlists = new CardAllowlists(access);
        StatusListRegistry registry = new StatusListRegistry(storage);
        IssuanceDriver issuance = new IssuanceDriver(new IssuanceProjection(
                storage, new IssuerKeys(storage, MasterKey.generate()), registry, URLS));
        IssuedCredentials issued = new IssuedCredentials(storage, registry);
        List<String> awardIds = new ArrayList<>();
        AwardDriver awards = new AwardDriver(storage).following(event -> {
            issuance.apply(event, DAY_ZERO);
            if (event instanceof AchievementAwarded awarded) {
                awardIds.add(awarded.awardId().value());
            }
        });

        Map<Integer, List<Object>> history = history(rule, level);
        issuance.apply(new LabRegistered(FABLAB, "Fablab North", "https://north.example", null), day(-10));
        awards.define(new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "Certified on the laser",
                                             List.of(new Criterion.CertificationHeld(MachineType.LASER_CUTTER, level)),
                                             null));
        issuance.apply(new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser", "Certified on the laser",
                                              List.of(new Criterion.CertificationHeld(MachineType.LASER_CUTTER, level)),
                                              null), day(-10));
        Map<Integer, List<String>> disagreements = new TreeMap<>();
        int valid = 0;
        int invalid = 0;
        for (int day = -1; day <= 365; day++) {
            for (Object event : history.getOrDefault(day, List.of())) {
                passport.apply(event);
                access.apply(event);
                issuance.apply(event, day(day));
                awards.apply(event);
            }
            if (day < 0) {
                continue;
            }
            Instant noon = day(day).plus(Duration.ofHours(3));
            String fromPassport = passportSays(passport, noon);
            String atTheMachine = machineSays(access.decide(LASER, AccessSubject.member(ADA), noon));
            boolean listed = allowlists.of(LASER, noon).orElseThrow().entries().stream()
                    .anyMatch(entry -> entry.card().equals(CARD));
            assertThat(awardIds).as("awards on day %d", day).hasSize(1);
            String credential = credentialSays(issued.credential(awardIds.get(0)).orElseThrow(),
                                               issued.state(awardIds.get(0)).orElseThrow(), noon);
            if (!fromPassport.equals(atTheMachine) || !fromPassport.equals(credential)
                    || listed != fromPassport.equals("valid")) {
                disagreements.put(day, List.of("passport " + fromPassport, "machine " + atTheMachine,
                                               "allowlist " + (listed ? "listed" : "not listed"),
                                               "credential " + credential));
            }
            if (fromPassport.equals("valid")) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(disagreements).as("days on which they disagree").isEmpty();
        assertThat(valid).as("days valid").isPositive();
        assertThat(invalid).as("days suspended or expired").isGreaterThanOrEqualTo(10);
    }

    /** The facts, by day: granted on day 0, used on days 60 and 150, suspended from 200 to 210, used again on 330. */
    private static Map<Integer, List<Object>> history(ExpiryRule rule, CertificationLevel level) {
        Map<Integer, List<Object>> history = new TreeMap<>();
        history.put(-1, List.of(laserRegistered(), new MemberRegistered(ADA, FABLAB, day(-1)),
                                new MemberCardLinked(ADA, CARD, day(-1))));
        history.put(0, List.of(new MachineCertificationGranted(
                ADA, CERTIFICATION, FABLAB, new CertificationScope.MachineFamily(MachineType.LASER_CUTTER), level, rule,
                TRAINER, day(0))));
        for (int day : new int[] {60, 150, 330}) {
            history.put(day, List.of(new MachineSessionStarted(SessionId.of("s-" + day), FABLAB, LASER, ADA, day(day),
                                                               false)));
        }
        history.put(200, List.of(new MachineCertificationSuspended(ADA, CERTIFICATION, "incident", day(200))));
        history.put(210, List.of(new MachineCertificationReinstated(ADA, CERTIFICATION, day(210))));
        return history;
    }

    private static String passportSays(PassportDriver passport, Instant at) {
        CertificationView certification = passport.passports().find(new FindMemberPassport(ADA, at))
                .certifications().get(0);
        CertificationStatus status = certification.status();
        return switch (status) {
            case VALID, EXPIRING_SOON -> "valid";
            case EXPIRED -> "expired";
            case SUSPENDED -> "suspended";
            case REVOKED -> "revoked";
        };
    }

    /** SUPERVISED members are let in with a trainer only; that refusal says the certification itself holds. */
    private static String machineSays(AccessDecision decision) {
        if (decision.granted() || decision.reasonCode().equals("supervision_required")) {
            return "valid";
        }
        return decision.reasonCode();
    }

    private static String credentialSays(IssuedCredential credential, CredentialState state, Instant at) {
        if (state.revoked()) {
            return "revoked";
        }
        if (state.suspended()) {
            return "suspended";
        }
        boolean started = !at.isBefore(credential.validFrom());
        boolean ended = credential.validUntil() != null && !at.isBefore(credential.validUntil());
        return started && !ended ? "valid" : "expired";
    }

    private static Instant day(int day) {
        return DAY_ZERO.plus(Duration.ofDays(day));
    }
}
