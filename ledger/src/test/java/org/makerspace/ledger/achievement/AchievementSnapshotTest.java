package org.makerspace.ledger.achievement;

import static org.makerspace.ledger.achievement.AchievementTest.CRITERIA;
import static org.makerspace.ledger.achievement.AchievementTest.IMAGE;
import static org.makerspace.ledger.achievement.AchievementTest.LASER_CERTIFIED;
import static org.makerspace.ledger.achievement.AchievementTest.LASER_MAKER;
import static org.makerspace.ledger.achievement.AchievementTest.LASER_MAKER_DEFINED;
import static org.makerspace.ledger.achievement.AchievementTest.LASER_TRAINING;
import static org.makerspace.ledger.achievement.AchievementTest.STORED;
import static org.makerspace.ledger.achievement.AchievementTest.TWO_WORKSHOPS_HELPED;
import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.RetireAchievement;
import org.makerspace.ledger.achievement.api.ReviseAchievement;
import org.makerspace.ledger.common.Snapshots;

/** An achievement restored from a snapshot decides as the one it was taken from. */
class AchievementSnapshotTest {

    private static final List<Criterion> ALL_KINDS = List.of(TWO_WORKSHOPS_HELPED, LASER_CERTIFIED, LASER_TRAINING);

    /** At version 2, with every kind of criterion. */
    private static Achievement revisedAchievement() {
        return Snapshots.stateAfter(fixture()
                .given(LASER_MAKER_DEFINED)
                .when(new ReviseAchievement(LASER_MAKER, "Laser maker", "Cuts, engraves and helps.", ALL_KINDS, IMAGE)));
    }

    private static TestExecutor<Achievement> given(Achievement restored) {
        return fixture().givenState(() -> restored);
    }

    /** A fixture with the store of uploaded images that revisions consult. */
    private static AggregateTestFixture<Achievement> fixture() {
        AggregateTestFixture<Achievement> fixture = new AggregateTestFixture<>(Achievement.class);
        fixture.registerInjectableResource(STORED);
        return fixture;
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredAchievementStillRefusesRevisionWithoutChange(Serializer serializer) {
        Achievement restored = Snapshots.roundTrip(serializer, revisedAchievement());

        given(restored)
                .when(new ReviseAchievement(LASER_MAKER, "Laser maker", "Cuts, engraves and helps.", ALL_KINDS, IMAGE))
                .expectException(refusedWithCode("no-change"))
                .expectExceptionMessage("achievement laser-maker at version 2 already has this name, description, criteria and image");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredAchievementStillRevisesToNextVersion(Serializer serializer) {
        Achievement restored = Snapshots.roundTrip(serializer, revisedAchievement());

        given(restored)
                .when(new ReviseAchievement(LASER_MAKER, "Laser maker", "Cuts and engraves.", CRITERIA, IMAGE))
                .expectEvents(new AchievementRevised(LASER_MAKER, 3, "Laser maker", "Cuts and engraves.", CRITERIA, IMAGE));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredRetiredAchievementStillRefusesRetirement(Serializer serializer) {
        Achievement retired = Snapshots.stateAfter(fixture()
                .given(LASER_MAKER_DEFINED)
                .when(new RetireAchievement(LASER_MAKER, "replaced by laser-master")));
        Achievement restored = Snapshots.roundTrip(serializer, retired);

        given(restored)
                .when(new RetireAchievement(LASER_MAKER, "again"))
                .expectException(refusedWithCode("achievement-retired"))
                .expectExceptionMessage("achievement laser-maker was retired at version 1: replaced by laser-master");
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredAchievementRetiresAtItsVersion(Serializer serializer) {
        Achievement restored = Snapshots.roundTrip(serializer, revisedAchievement());

        given(restored)
                .when(new RetireAchievement(LASER_MAKER, "replaced by laser-master"))
                .expectEvents(new AchievementRetired(LASER_MAKER, 2, "replaced by laser-master"));
    }
}
