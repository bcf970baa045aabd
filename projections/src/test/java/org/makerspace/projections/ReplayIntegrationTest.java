package org.makerspace.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.common.LedgerJson;
import org.makerspace.ledger.eventstore.MongoEventStorageEngine;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.member.api.AwardId;
import org.makerspace.ledger.member.api.AwardRevoked;
import org.makerspace.ledger.member.api.CertificationId;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionId;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;
import org.makerspace.ledger.member.api.MachineCertificationGranted;
import org.makerspace.ledger.member.api.MachineCertificationReinstated;
import org.makerspace.ledger.member.api.MachineCertificationRevoked;
import org.makerspace.ledger.member.api.MachineCertificationSuspended;
import org.makerspace.ledger.member.api.MemberCardLinked;
import org.makerspace.ledger.member.api.MemberCardUnlinked;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.member.api.MemberRegistered;
import org.makerspace.ledger.member.api.MemberReinstated;
import org.makerspace.ledger.member.api.MemberSuspended;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;
import org.makerspace.ledger.member.api.TrainingRecordRetracted;
import org.makerspace.ledger.member.api.WorkshopContributionRecorded;
import org.makerspace.ledger.member.api.WorkshopContributionRetracted;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.access.AccessDecision;
import org.makerspace.projections.access.AccessProjection;
import org.makerspace.projections.access.AccessSubject;
import org.makerspace.projections.access.FindMachineAccessList;
import org.makerspace.projections.access.MachineAccessList;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.award.AwardDecisions;
import org.makerspace.projections.award.AwardProjection;
import org.makerspace.projections.award.FindMemberAwards;
import org.makerspace.projections.award.MemberAwards;
import org.makerspace.projections.award.MemberRecords;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindAchievement;
import org.makerspace.projections.catalog.FindLab;
import org.makerspace.projections.catalog.FindLabs;
import org.makerspace.projections.catalog.FindMachine;
import org.makerspace.projections.catalog.LabList;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.catalog.MachineView;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.MasterKey;
import org.makerspace.projections.issuance.IssuanceProjection;
import org.makerspace.projections.issuance.IssuedCredential;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.makerspace.projections.passport.FindMemberPassport;
import org.makerspace.projections.passport.MemberPassport;
import org.makerspace.projections.passport.PassportProjection;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.support.OneSequence;
import org.makerspace.projections.support.StoredDocuments;

/**
 * Builds every read model from a realistic history through a real Axon configuration on the ledger's own event
 * store, then drops them all and replays the ledger from the start: the rebuilt documents must equal the first ones,
 * document by document, machine access must decide the same from memory, and the catalog must list the same labs.
 * The signed credentials and status lists are read models too: only the labs' keys ({@code issuer_keys}) survive
 * the drop, and the replay must sign the very same bytes with them.
 */
class ReplayIntegrationTest {

    private static final String LAB = "Lab";
    private static final String MEMBER = "Member";
    private static final String ACHIEVEMENT = "Achievement";
    private static final List<String> PROCESSING_GROUPS = List.of(
            PassportProjection.PROCESSING_GROUP, AccessProjection.PROCESSING_GROUP, AwardDecisions.PROCESSING_GROUP,
            AwardProjection.PROCESSING_GROUP, IssuanceProjection.PROCESSING_GROUP, CatalogProjection.PROCESSING_GROUP);

    private static final LabId FABLAB = LabId.of("fablab-north");
    private static final LabId SOUTH = LabId.of("fablab-south");
    private static final TrainerId TOM = TrainerId.of("trainer-tom");
    private static final TrainerId UNA = TrainerId.of("trainer-una");
    private static final MachineId LASER = MachineId.of("laser-1");
    private static final MachineId LASER_2 = MachineId.of("laser-2");
    private static final MachineId PRINTER = MachineId.of("printer-1");
    private static final MachineId MILL = MachineId.of("mill-1");
    private static final MemberId ADA = MemberId.of("member-ada");
    private static final MemberId BEN = MemberId.of("member-ben");
    private static final MemberId CY = MemberId.of("member-cy");
    private static final MemberId DEE = MemberId.of("member-dee");
    private static final AchievementId LASER_BADGE = AchievementId.of("laser-badge");
    private static final AchievementId REPAIR_BADGE = AchievementId.of("repair-badge");
    private static final AchievementId OLD_BADGE = AchievementId.of("old-badge");
    private static final Instant T0 = Instant.parse("2026-01-05T09:30:00.123456789Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(200));
    private static final PublicUrls URLS = PublicUrls.of("https://badges.north.example");
    /** The event that revises the repair badge, published under this id so that the award it makes is known. */
    private static final String REPAIR_REVISED = "repair-badge-revised-to-2";

    private final LedgerStorage storage = TestMongo.server().freshStorage("replay");
    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<Configuration> started = new ArrayList<>();
    private final MasterKey masterKey = MasterKey.generate();
    /**
     * What the member records hold, for the award decisions' requests: the ledger records an achievement once per
     * member (the aggregate is not part of this module), so a replay's requests record nothing new.
     */
    private final MemberRecords memberRecords = new MemberRecords();

    @BeforeAll
    static void noPhoningHome() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    @AfterEach
    void shutdown() {
        started.forEach(Configuration::shutdown);
    }

    @Test
    void replayingTheLedgerRebuildsIdenticalReadModels() {
        Running first = start();
        publishHistory(first.configuration());
        awaitCaughtUp(first.configuration());
        Map<String, List<Document>> built = StoredDocuments.readModels(storage.database());
        List<AccessDecision> decisions = decisionsOf(first.access());
        List<MachineAccessList> accessLists = accessListsOf(first.access());
        LabList labs = first.catalog().find(new FindLabs());
        first.configuration().shutdown();

        for (String collection : built.keySet()) {
            if (!collection.equals(IssuerKeys.COLLECTION)) {
                storage.database().getCollection(collection).drop();
            }
        }
        Running replay = start();
        awaitCaughtUp(replay.configuration());

        assertThat(built).containsKeys("passport_members", "access_machines", "access_members",
                                       "award_decision_definitions", "award_decision_labs", "award_decision_members",
                                       "award_member_awards", "award_records",
                                       "catalog_labs", "catalog_machines", "catalog_achievement_labs",
                                       IssuanceProjection.CREDENTIALS, "status_lists", "status_indexes",
                                       IssuerKeys.COLLECTION);
        assertThat(built.get("award_records")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(built.get(IssuanceProjection.CREDENTIALS)).hasSameSizeAs(built.get("award_records"));
        assertThat(built.get(IssuerKeys.COLLECTION)).hasSize(2);
        Map<String, List<Document>> rebuilt = StoredDocuments.readModels(storage.database());
        assertThat(rebuilt.keySet()).isEqualTo(built.keySet());
        for (String collection : built.keySet()) {
            assertThat(rebuilt.get(collection)).as(collection).containsExactlyElementsOf(built.get(collection));
        }
        assertThat(decisionsOf(replay.access())).isEqualTo(decisions);
        assertThat(accessListsOf(replay.access())).isEqualTo(accessLists);
        assertThat(labs.labs()).hasSize(2);
        assertThat(replay.catalog().find(new FindLabs())).isEqualTo(labs);
    }

    @Test
    void replayingTheLedgerSignsByteIdenticalCredentialsAndStatusLists() {
        Running first = start();
        publishHistory(first.configuration());
        awaitCaughtUp(first.configuration());
        Map<String, String> credentials = credentialsOf(first);
        String cysRepairBadge = Award.idFor(CY, REPAIR_BADGE, 2, REPAIR_REVISED);
        boolean cyRevoked = first.issued().state(cysRepairBadge).orElseThrow().revoked();
        first.configuration().shutdown();

        for (String collection : StoredDocuments.readModels(storage.database()).keySet()) {
            if (!collection.equals(IssuerKeys.COLLECTION)) {
                storage.database().getCollection(collection).drop();
            }
        }
        Running replay = start();
        awaitCaughtUp(replay.configuration());

        assertThat(credentials).hasSize(6).containsKey(cysRepairBadge + "/jwt");
        assertThat(cyRevoked).isTrue();
        assertThat(credentialsOf(replay)).isEqualTo(credentials);
        assertThat(replay.issued().state(cysRepairBadge).orElseThrow().revoked()).isTrue();
    }

    /** Each credential in both formats, by award id: the JSON-LD under the id, the JWT under {@code id/jwt}. */
    private Map<String, String> credentialsOf(Running running) {
        Map<String, String> signed = new TreeMap<>();
        for (Document award : StoredDocuments.of(storage.database(), "award_records")) {
            // the award read model and issuance are processors of their own: one may be a moment ahead
            IssuedCredential credential = await().atMost(Duration.ofSeconds(30))
                    .until(() -> running.issued().credential(award.getString("_id")), Optional::isPresent)
                    .orElseThrow();
            signed.put(credential.awardId(), credential.dataIntegrity());
            signed.put(credential.awardId() + "/jwt", credential.jwt());
        }
        return signed;
    }

    @Test
    void queriesAreAnsweredThroughTheQueryBus() {
        Running running = start();
        publishHistory(running.configuration());
        awaitCaughtUp(running.configuration());

        MemberPassport passport = running.configuration().queryGateway()
                .query(new FindMemberPassport(ADA, NOW), ResponseTypes.instanceOf(MemberPassport.class)).join();
        MemberAwards awards = running.configuration().queryGateway()
                .query(new FindMemberAwards(ADA), ResponseTypes.instanceOf(MemberAwards.class)).join();
        MachineAccessList lasers = running.configuration().queryGateway()
                .query(new FindMachineAccessList(LASER, NOW), ResponseTypes.instanceOf(MachineAccessList.class)).join();

        assertThat(passport.trainings()).hasSize(2);
        assertThat(awards.awards()).extracting(award -> award.achievementId().value())
                .containsExactly("laser-badge", "repair-badge");
        assertThat(passport.achievements()).hasSize(2);
        assertThat(lasers.entries()).extracting(entry -> entry.memberId().value()).contains("member-ada");

        LabView north = running.configuration().queryGateway()
                .query(new FindLab(FABLAB), ResponseTypes.instanceOf(LabView.class)).join();
        LabList labs = running.configuration().queryGateway()
                .query(new FindLabs(), ResponseTypes.instanceOf(LabList.class)).join();
        MachineView printer = running.configuration().queryGateway()
                .query(new FindMachine(PRINTER), ResponseTypes.instanceOf(MachineView.class)).join();
        AchievementView repair = running.configuration().queryGateway()
                .query(new FindAchievement(REPAIR_BADGE), ResponseTypes.instanceOf(AchievementView.class)).join();

        assertThat(north.machines()).extracting(machine -> machine.machineId().value())
                .containsExactly("laser-1", "laser-2", "printer-1");
        assertThat(north.trainers()).extracting(trainer -> trainer.trainerId().value())
                .containsExactly("trainer-tom", "trainer-una");
        assertThat(labs.labs()).extracting(LabView::labId).containsExactly(FABLAB, SOUTH);
        assertThat(printer.labId()).isEqualTo(FABLAB);
        assertThat(printer.outOfService().reason()).isEqualTo("nozzle");
        assertThat(repair.labId()).isEqualTo(FABLAB);
        assertThat(repair.version()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- configuration

    private record Running(Configuration configuration, AccessProjection access, CatalogProjection catalog,
                           IssuedCredentials issued) {
    }

    /** A fresh configuration with empty token stores: its processors start at the beginning of the ledger. */
    private Running start() {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .build();
        engine.ensureSchema();
        PassportProjection passport = new PassportProjection(storage);
        AccessProjection access = new AccessProjection(storage, new SimpleMeterRegistry());
        StatusListRegistry statusLists = new StatusListRegistry(storage);
        IssuanceProjection issuance = new IssuanceProjection(storage, new IssuerKeys(storage, masterKey), statusLists,
                                                             URLS);
        AtomicReference<Configuration> running = new AtomicReference<>();
        AwardDecisions decisions = new AwardDecisions(storage, request -> memberRecords.record(request).ifPresent(
                event -> running.get().eventStore().publish(GenericEventMessage.asEventMessage(event))));
        AwardProjection award = new AwardProjection(storage);
        CatalogProjection catalog = new CatalogProjection(storage);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(LedgerJson.eventMapper()).build())
                .configureEmbeddedEventStore(c -> engine);
        configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTokenStore(c -> new InMemoryTokenStore())
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(32))
                // Which event triggers an award, and who holds a relinked card, depend on the global order.
                .registerSequencingPolicy(AwardDecisions.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(IssuanceProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(PassportProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerSequencingPolicy(AccessProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                // Lab and achievement events write the same lab document.
                .registerSequencingPolicy(CatalogProjection.PROCESSING_GROUP, c -> OneSequence.INSTANCE)
                .registerEventHandler(c -> passport)
                .registerEventHandler(c -> access)
                .registerEventHandler(c -> decisions)
                .registerEventHandler(c -> award)
                .registerEventHandler(c -> issuance)
                .registerEventHandler(c -> catalog);
        configurer.registerQueryHandler(c -> passport)
                .registerQueryHandler(c -> access)
                .registerQueryHandler(c -> award)
                .registerQueryHandler(c -> catalog);
        Configuration configuration = configurer.buildConfiguration();
        running.set(configuration);
        configuration.start();
        started.add(configuration);
        return new Running(configuration, access, catalog, new IssuedCredentials(storage, statusLists));
    }

    /**
     * Until every processor has reached the ledger's head as it stands at each look: the award decisions append
     * awards while the others process, so a head read once, before, may be passed by events the issuance has not
     * signed yet.
     */
    private static void awaitCaughtUp(Configuration configuration) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            long head = configuration.eventStore().createHeadToken().position().orElse(0);
            for (String group : PROCESSING_GROUPS) {
                StreamingEventProcessor processor = configuration.eventProcessingConfiguration()
                        .eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                if (status.isEmpty() || !status.values().stream().allMatch(segment -> reached(segment, head))) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean reached(EventTrackerStatus segment, long head) {
        OptionalLong position = segment.getCurrentPosition();
        return segment.isCaughtUp() && position.isPresent() && position.getAsLong() >= head;
    }

    private static List<AccessDecision> decisionsOf(AccessProjection access) {
        List<AccessDecision> decisions = new ArrayList<>();
        for (MachineId machine : List.of(LASER, LASER_2, PRINTER, MILL, MachineId.of("unknown-machine"))) {
            for (MemberId member : List.of(ADA, BEN, CY, DEE, MemberId.of("stranger"))) {
                decisions.add(withoutSessionId(access.decide(machine, AccessSubject.member(member), NOW)));
            }
            for (String card : List.of("card-ada", "card-shared", "card-lost")) {
                decisions.add(withoutSessionId(access.decide(machine, AccessSubject.card(card), NOW)));
            }
        }
        return decisions;
    }

    /** Session ids are fresh on every grant, not derived from the ledger. */
    private static AccessDecision withoutSessionId(AccessDecision decision) {
        return new AccessDecision(decision.granted(), decision.reason(), null, decision.memberId(),
                                  decision.certificationId(), decision.partnerCredentialId(), decision.level(),
                                  decision.maxSessionMinutes(), decision.validUntil());
    }

    private static List<MachineAccessList> accessListsOf(AccessProjection access) {
        List<MachineAccessList> lists = new ArrayList<>();
        for (MachineId machine : List.of(LASER, LASER_2, PRINTER, MILL)) {
            lists.add(access.find(new FindMachineAccessList(machine, NOW)));
        }
        return lists;
    }

    // ---------------------------------------------------------------- history

    private void publish(Configuration configuration, String type, String aggregateId, Object payload) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        configuration.eventStore().publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload));
    }

    /** Publishes under a chosen message id, so that a test can name the award the event makes. */
    private void publish(Configuration configuration, String type, String aggregateId, Object payload, String eventId) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        configuration.eventStore().publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                                                           Map.of(), eventId, Instant.now()));
    }

    private static Instant day(long days) {
        return T0.plus(Duration.ofDays(days));
    }

    /**
     * Two labs, two trainers, four machines, four members and three achievements: a qualification withdrawn,
     * trainings, grants of every expiry rule, a suspension and reinstatement, a revocation, retractions, cards relinked
     * and unlinked, an achievement defined after members qualified, revised and retired, machines out of service.
     */
    private void publishHistory(Configuration c) {
        publish(c, LAB, FABLAB.value(), new LabRegistered(FABLAB, "Fablab North", "https://north.example", "hi@north.example"));
        publish(c, LAB, FABLAB.value(), new TrainerRegistered(FABLAB, TOM));
        publish(c, LAB, FABLAB.value(), new TrainerQualified(FABLAB, TOM, MachineType.LASER_CUTTER));
        publish(c, LAB, FABLAB.value(), new TrainerRegistered(FABLAB, UNA));
        publish(c, LAB, FABLAB.value(), new TrainerQualified(FABLAB, UNA, MachineType.PRINTER_3D));
        publish(c, LAB, FABLAB.value(), new TrainerQualified(FABLAB, UNA, MachineType.LASER_CUTTER));
        publish(c, LAB, FABLAB.value(), new TrainerQualificationWithdrawn(FABLAB, UNA, MachineType.LASER_CUTTER, "moved"));
        publish(c, LAB, FABLAB.value(), new MachineRegistered(FABLAB, LASER, "Laser A", MachineType.LASER_CUTTER, RiskLevel.HIGH, 120));
        publish(c, LAB, FABLAB.value(), new MachineRegistered(FABLAB, LASER_2, "Laser B", MachineType.LASER_CUTTER, RiskLevel.HIGH, 90));
        publish(c, LAB, FABLAB.value(), new MachineRegistered(FABLAB, PRINTER, "Printer", MachineType.PRINTER_3D, RiskLevel.LOW, 480));
        publish(c, LAB, SOUTH.value(), new LabRegistered(SOUTH, "Fablab South", "https://south.example", "hi@south.example"));
        publish(c, LAB, SOUTH.value(), new MachineRegistered(SOUTH, MILL, "Mill", MachineType.CNC_MILL, RiskLevel.HIGH, 60));

        publish(c, ACHIEVEMENT, LASER_BADGE.value(), new AchievementDefined(LASER_BADGE, FABLAB, 1, "Laser operator",
                "Trained and certified on the laser", List.of(new Criterion.TrainingCompleted("laser-basics"),
                new Criterion.CertificationHeld(MachineType.LASER_CUTTER, CertificationLevel.AUTONOMOUS)),
                "https://north.example/badges/laser.png"));
        publish(c, ACHIEVEMENT, OLD_BADGE.value(), new AchievementDefined(OLD_BADGE, FABLAB, 1, "Old", "Retired soon",
                List.of(new Criterion.TrainingCompleted("printer-basics")), null));
        publish(c, ACHIEVEMENT, OLD_BADGE.value(), new AchievementRetired(OLD_BADGE, 1, "replaced"));

        for (MemberId member : List.of(ADA, BEN, CY)) {
            publish(c, MEMBER, member.value(), new MemberRegistered(member, FABLAB, day(0)));
        }
        publish(c, MEMBER, DEE.value(), new MemberRegistered(DEE, SOUTH, day(0)));

        publish(c, MEMBER, ADA.value(), new TrainingCompleted(ADA, TrainingId.of("t-ada-1"), FABLAB, "laser-basics", new BigDecimal("2.50"), TOM, day(1)));
        publish(c, MEMBER, ADA.value(), new MachineCertificationGranted(ADA, CertificationId.of("c-ada-1"), FABLAB,
                new CertificationScope.MachineFamily(MachineType.LASER_CUTTER), CertificationLevel.AUTONOMOUS,
                new ExpiryRule.AfterInactivity(12), TOM, day(2)));
        publish(c, MEMBER, ADA.value(), new TrainingCompleted(ADA, TrainingId.of("t-ada-2"), FABLAB, "printer-basics", new BigDecimal("1"), TOM, day(3)));
        publish(c, MEMBER, ADA.value(), new MemberCardLinked(ADA, "card-ada", day(3)));
        publish(c, MEMBER, ADA.value(), new MemberCardLinked(ADA, "card-shared", day(3)));
        for (int i = 1; i <= 3; i++) {
            publish(c, MEMBER, ADA.value(), new WorkshopContributionRecorded(ADA, ContributionId.of("w-ada-" + i), FABLAB,
                    "repair-cafe", ContributionRole.REPAIRER, new BigDecimal("3.0"), day(10 + i)));
        }
        publish(c, MEMBER, ADA.value(), new WorkshopContributionRetracted(ADA, ContributionId.of("w-ada-3"), "double entry", day(20)));

        publish(c, MEMBER, BEN.value(), new TrainingCompleted(BEN, TrainingId.of("t-ben-1"), FABLAB, "laser-basics", new BigDecimal("2.50"), TOM, day(1)));
        publish(c, MEMBER, BEN.value(), new MachineCertificationGranted(BEN, CertificationId.of("c-ben-1"), FABLAB,
                new CertificationScope.OneMachine(LASER_2), CertificationLevel.SUPERVISED, new ExpiryRule.AfterPeriod(Period.ofMonths(6)), TOM, day(2)));
        publish(c, MEMBER, BEN.value(), new MachineCertificationGranted(BEN, CertificationId.of("c-ben-2"), FABLAB,
                new CertificationScope.MachineFamily(MachineType.PRINTER_3D), CertificationLevel.AUTONOMOUS,
                new ExpiryRule.OnDate(day(190)), TOM, day(4)));
        publish(c, MEMBER, BEN.value(), new MachineCertificationSuspended(BEN, CertificationId.of("c-ben-2"), "left it running", day(5)));
        publish(c, MEMBER, BEN.value(), new MachineCertificationReinstated(BEN, CertificationId.of("c-ben-2"), day(6)));
        publish(c, MEMBER, BEN.value(), new MemberCardLinked(BEN, "card-shared", day(7)));
        publish(c, MEMBER, BEN.value(), new MemberCardLinked(BEN, "card-lost", day(7)));
        publish(c, MEMBER, BEN.value(), new MemberCardUnlinked(BEN, "card-lost", "lost", day(8)));

        publish(c, MEMBER, CY.value(), new TrainingCompleted(CY, TrainingId.of("t-cy-1"), FABLAB, "laser-basics", new BigDecimal("2.50"), TOM, day(1)));
        publish(c, MEMBER, CY.value(), new TrainingRecordRetracted(CY, TrainingId.of("t-cy-1"), "wrong course", day(2)));
        publish(c, MEMBER, CY.value(), new MachineCertificationGranted(CY, CertificationId.of("c-cy-1"), FABLAB,
                new CertificationScope.OneMachine(LASER), CertificationLevel.TRAINER, new ExpiryRule.Never(), TOM, day(3)));
        publish(c, MEMBER, CY.value(), new MachineCertificationRevoked(CY, CertificationId.of("c-cy-1"), "unsafe use", day(9)));
        publish(c, MEMBER, CY.value(), new MemberSuspended(CY, "incident review", day(9)));
        for (int i = 1; i <= 2; i++) {
            publish(c, MEMBER, CY.value(), new WorkshopContributionRecorded(CY, ContributionId.of("w-cy-" + i), FABLAB,
                    "repair-cafe", ContributionRole.REPAIRER, new BigDecimal("1.5"), day(12 + i)));
        }
        publish(c, MEMBER, CY.value(), new MemberReinstated(CY, day(30)));

        publish(c, MEMBER, DEE.value(), new MachineCertificationGranted(DEE, CertificationId.of("c-dee-1"), SOUTH,
                new CertificationScope.MachineFamily(MachineType.CNC_MILL), CertificationLevel.AUTONOMOUS,
                new ExpiryRule.AfterPeriod(Period.ofDays(90)), TrainerId.of("trainer-sue"), day(1)));
        publish(c, MEMBER, DEE.value(), new WorkshopContributionRecorded(DEE, ContributionId.of("w-dee-1"), SOUTH,
                "repair-cafe", ContributionRole.REPAIRER, new BigDecimal("4"), day(2)));

        // Defined after Ada and Cy already qualify: awarded by the definition itself.
        publish(c, ACHIEVEMENT, REPAIR_BADGE.value(), new AchievementDefined(REPAIR_BADGE, FABLAB, 1, "Repairer",
                "Three repairs", List.of(new Criterion.ContributionsMade(ContributionRole.REPAIRER, 3)), null));
        publish(c, ACHIEVEMENT, REPAIR_BADGE.value(), new AchievementRevised(REPAIR_BADGE, 2, "Repairer",
                "Two repairs", List.of(new Criterion.ContributionsMade(ContributionRole.REPAIRER, 2)), null),
                REPAIR_REVISED);

        // Ada's laser badge is suspended with her certification, then reinstated; Cy's repair badge is revoked.
        publish(c, MEMBER, ADA.value(), new MachineCertificationSuspended(ADA, CertificationId.of("c-ada-1"), "incident", day(25)));
        publish(c, MEMBER, ADA.value(), new MachineCertificationReinstated(ADA, CertificationId.of("c-ada-1"), day(26)));
        publish(c, MEMBER, CY.value(), new AwardRevoked(CY, AwardId.of(Award.idFor(CY, REPAIR_BADGE, 2, REPAIR_REVISED)),
                "repairs were not safe", day(50)));

        publish(c, LAB, FABLAB.value(), new MachinePutOutOfService(FABLAB, PRINTER, "nozzle", day(40)));
        publish(c, LAB, FABLAB.value(), new MachinePutOutOfService(FABLAB, LASER_2, "mirror", day(41)));
        publish(c, LAB, FABLAB.value(), new MachineReturnedToService(FABLAB, LASER_2, day(42)));
    }
}
