package org.makerspace.ledger.achievement;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.ChangeAchievementImage;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.DefineAchievement;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.achievement.api.RetireAchievement;
import org.makerspace.ledger.achievement.api.ReviseAchievement;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.InMemoryLabRules;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.ContributionRole;

class AchievementTest {

    static final LabId PARIS = LabId.of("fablab-paris");
    static final AchievementId LASER_MAKER = AchievementId.of("laser-maker");
    static final String IMAGE = "https://fablab.paris/badges/laser-maker.png";
    static final Criterion LASER_TRAINING = new Criterion.TrainingCompleted("LASER-101");
    static final Criterion LASER_CERTIFIED = new Criterion.CertificationHeld(MachineType.LASER_CUTTER, CertificationLevel.AUTONOMOUS);
    static final Criterion TWO_WORKSHOPS_HELPED = new Criterion.ContributionsMade(ContributionRole.HELPER, 2);
    static final List<Criterion> CRITERIA = List.of(LASER_TRAINING, LASER_CERTIFIED);
    static final AchievementDefined LASER_MAKER_DEFINED = new AchievementDefined(LASER_MAKER, PARIS, 1, "Laser maker",
            "Cuts and engraves safely on the lab's laser cutters.", CRITERIA, IMAGE);
    static final HostedImage UPLOADED_PNG = new HostedImage("a".repeat(64), HostedImage.Format.PNG);
    static final HostedImage UPLOADED_SVG = new HostedImage("b".repeat(64), HostedImage.Format.SVG);
    static final HostedImage NEVER_UPLOADED = new HostedImage("c".repeat(64), HostedImage.Format.PNG);
    /** The images the store holds in these tests: both uploads, not the third. */
    static final UploadedImages STORED = Set.of(UPLOADED_PNG, UPLOADED_SVG)::contains;

    private FixtureConfiguration<Achievement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Achievement.class);
        fixture.registerInjectableResource(InMemoryLabRules.of(new LabRegistered(PARIS, "Fablab Paris", "https://fablab.paris", null)));
        fixture.registerInjectableResource(STORED);
    }

    private static DefineAchievement define(String name, String description, List<Criterion> criteria, String imageUrl) {
        return new DefineAchievement(LASER_MAKER, PARIS, name, description, criteria, imageUrl);
    }

    private static ReviseAchievement revise(String description, List<Criterion> criteria, String imageUrl) {
        return new ReviseAchievement(LASER_MAKER, "Laser maker", description, criteria, imageUrl);
    }

    // DefineAchievement

    @Test
    void canDefineAchievementAtVersionOne() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts and engraves safely on the lab's laser cutters.", CRITERIA, IMAGE))
                .expectEvents(LASER_MAKER_DEFINED);
    }

    @Test
    void canDefineAchievementWithoutImage() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts and engraves safely.", CRITERIA, null))
                .expectEvents(new AchievementDefined(LASER_MAKER, PARIS, 1, "Laser maker", "Cuts and engraves safely.", CRITERIA, null));
    }

    @Test
    void definedCriteriaAreAnUnmodifiableCopyOfTheCommands() {
        List<Criterion> mutable = new ArrayList<>(CRITERIA);

        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", mutable, null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((AchievementDefined defined) -> defined.criteria() != mutable && isUnmodifiable(defined.criteria())))));
    }

    @Test
    void cannotDefineAchievementInUnknownLab() {
        fixture.givenNoPriorActivity()
                .when(new DefineAchievement(LASER_MAKER, LabId.of("fablab-x"), "Laser maker", "Cuts safely.", CRITERIA, IMAGE))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-lab"))
                .expectExceptionMessage("lab fablab-x is not registered");
    }

    @Test
    void cannotDefineAchievementWithBlankName() {
        fixture.givenNoPriorActivity()
                .when(define(" ", "Cuts safely.", CRITERIA, IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void cannotDefineAchievementWithBlankDescription() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "", CRITERIA, IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("description must not be blank");
    }

    @Test
    void cannotDefineAchievementWithoutCriteria() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", List.of(), IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("criteria must hold at least one element");
    }

    @Test
    void cannotDefineAchievementWithMissingCriterion() {
        List<Criterion> withNull = new ArrayList<>(CRITERIA);
        withNull.add(null);

        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", withNull, IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("criteria must not hold null elements");
    }

    @Test
    void cannotDefineAchievementWithRepeatedCriterion() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", List.of(LASER_TRAINING, LASER_TRAINING), IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("criteria must not repeat an element, but repeats " + LASER_TRAINING);
    }

    @Test
    void cannotDefineAchievementWithImageUrlNotHttp() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", CRITERIA, "file:///tmp/badge.png"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("imageUrl must be absent, an absolute http(s) URL or the path of an uploaded image "
                        + "(/ob3/images/<sha-256>.png or .svg), but was 'file:///tmp/badge.png'");
    }

    @Test
    void cannotDefineAchievementWithRelativeImageUrlOtherThanAnUploadedImage() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", CRITERIA, "/ob3/images/../achievements/x.png"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void canDefineAchievementShowingAnUploadedImage() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", CRITERIA, UPLOADED_SVG.path()))
                .expectEvents(new AchievementDefined(LASER_MAKER, PARIS, 1, "Laser maker", "Cuts safely.", CRITERIA,
                        "/ob3/images/" + "b".repeat(64) + ".svg"));
    }

    @Test
    void cannotDefineAchievementShowingAnImageNeverUploaded() {
        fixture.givenNoPriorActivity()
                .when(define("Laser maker", "Cuts safely.", CRITERIA, NEVER_UPLOADED.path()))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-image"))
                .expectExceptionMessage("no image was uploaded as " + NEVER_UPLOADED.path());
    }

    private static boolean isUnmodifiable(List<Criterion> criteria) {
        try {
            criteria.add(LASER_TRAINING);
            return false;
        } catch (UnsupportedOperationException expected) {
            return true;
        }
    }

    // ReviseAchievement

    @Test
    void canReviseAchievementToNextVersion() {
        List<Criterion> stricter = List.of(LASER_TRAINING, LASER_CERTIFIED, TWO_WORKSHOPS_HELPED);

        fixture.given(LASER_MAKER_DEFINED)
                .when(revise("Cuts, engraves and helps others.", stricter, IMAGE))
                .expectEvents(new AchievementRevised(LASER_MAKER, 2, "Laser maker", "Cuts, engraves and helps others.", stricter, IMAGE));
    }

    @Test
    void canReviseRevisedAchievementToThirdVersion() {
        fixture.given(LASER_MAKER_DEFINED,
                        new AchievementRevised(LASER_MAKER, 2, "Laser maker", "Cuts and engraves.", CRITERIA, IMAGE))
                .when(revise("Cuts and engraves.", CRITERIA, null))
                .expectEvents(new AchievementRevised(LASER_MAKER, 3, "Laser maker", "Cuts and engraves.", CRITERIA, null));
    }

    @Test
    void cannotReviseAchievementWithoutChange() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(revise("Cuts and engraves safely on the lab's laser cutters.", CRITERIA, IMAGE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("no-change"))
                .expectExceptionMessage("achievement laser-maker at version 1 already has this name, description, criteria and image");
    }

    @Test
    void cannotReviseAchievementByOnlyReorderingCriteria() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(revise("Cuts and engraves safely on the lab's laser cutters.", List.of(LASER_CERTIFIED, LASER_TRAINING), IMAGE))
                .expectException(refusedWithCode("no-change"));
    }

    @Test
    void cannotReviseRetiredAchievement() {
        fixture.given(LASER_MAKER_DEFINED, new AchievementRetired(LASER_MAKER, 1, "replaced by laser-master"))
                .when(revise("Cuts and engraves.", CRITERIA, IMAGE))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("achievement-retired"))
                .expectExceptionMessage("achievement laser-maker was retired at version 1: replaced by laser-master");
    }

    @Test
    void cannotReviseAchievementIntoBlankName() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(new ReviseAchievement(LASER_MAKER, "", "Cuts and engraves.", CRITERIA, IMAGE))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("name must not be blank");
    }

    @Test
    void canReviseAchievementKeepingItsUploadedImage() {
        fixture.given(LASER_MAKER_DEFINED,
                        new AchievementRevised(LASER_MAKER, 2, "Laser maker", "Cuts and engraves.", CRITERIA, UPLOADED_PNG.path()))
                .when(revise("Cuts, engraves and cleans up.", CRITERIA, UPLOADED_PNG.path()))
                .expectEvents(new AchievementRevised(LASER_MAKER, 3, "Laser maker", "Cuts, engraves and cleans up.", CRITERIA,
                        UPLOADED_PNG.path()));
    }

    @Test
    void cannotReviseAchievementToShowAnImageNeverUploaded() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(revise("Cuts and engraves.", CRITERIA, NEVER_UPLOADED.path()))
                .expectException(refusedWithCode("unknown-image"));
    }

    // ChangeAchievementImage

    @Test
    void canChangeImageAsNextVersionKeepingTheRestOfTheDefinition() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(new ChangeAchievementImage(LASER_MAKER, UPLOADED_PNG))
                .expectEvents(new AchievementRevised(LASER_MAKER, 2, "Laser maker",
                        "Cuts and engraves safely on the lab's laser cutters.", CRITERIA, "/ob3/images/" + "a".repeat(64) + ".png"));
    }

    @Test
    void canChangeImageOfRevisedAchievementKeepingItsLatestDefinition() {
        List<Criterion> stricter = List.of(LASER_TRAINING, LASER_CERTIFIED, TWO_WORKSHOPS_HELPED);

        fixture.given(LASER_MAKER_DEFINED,
                        new AchievementRevised(LASER_MAKER, 2, "Laser master", "Cuts, engraves and helps.", stricter, UPLOADED_PNG.path()))
                .when(new ChangeAchievementImage(LASER_MAKER, UPLOADED_SVG))
                .expectEvents(new AchievementRevised(LASER_MAKER, 3, "Laser master", "Cuts, engraves and helps.", stricter,
                        UPLOADED_SVG.path()));
    }

    @Test
    void changingToTheImageAlreadyShownRecordsNothing() {
        fixture.given(LASER_MAKER_DEFINED,
                        new AchievementRevised(LASER_MAKER, 2, "Laser maker", "Cuts and engraves.", CRITERIA, UPLOADED_PNG.path()))
                .when(new ChangeAchievementImage(LASER_MAKER, UPLOADED_PNG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotChangeImageToOneNeverUploaded() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(new ChangeAchievementImage(LASER_MAKER, NEVER_UPLOADED))
                .expectException(UnknownReference.class)
                .expectException(refusedWithCode("unknown-image"))
                .expectExceptionMessage("no image was uploaded as " + NEVER_UPLOADED.path());
    }

    @Test
    void cannotChangeImageOfRetiredAchievement() {
        fixture.given(LASER_MAKER_DEFINED, new AchievementRetired(LASER_MAKER, 1, "replaced by laser-master"))
                .when(new ChangeAchievementImage(LASER_MAKER, UPLOADED_PNG))
                .expectException(refusedWithCode("achievement-retired"))
                .expectExceptionMessage("achievement laser-maker was retired at version 1: replaced by laser-master");
    }

    @Test
    void cannotChangeImageToNone() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(new ChangeAchievementImage(LASER_MAKER, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("image is required");
    }

    // RetireAchievement

    @Test
    void canRetireAchievementAtItsCurrentVersion() {
        fixture.given(LASER_MAKER_DEFINED,
                        new AchievementRevised(LASER_MAKER, 2, "Laser maker", "Cuts and engraves.", CRITERIA, IMAGE))
                .when(new RetireAchievement(LASER_MAKER, "replaced by laser-master"))
                .expectEvents(new AchievementRetired(LASER_MAKER, 2, "replaced by laser-master"));
    }

    @Test
    void cannotRetireAchievementTwice() {
        fixture.given(LASER_MAKER_DEFINED, new AchievementRetired(LASER_MAKER, 1, "replaced by laser-master"))
                .when(new RetireAchievement(LASER_MAKER, "again"))
                .expectException(DomainRefusal.class)
                .expectException(refusedWithCode("achievement-retired"))
                .expectExceptionMessage("achievement laser-maker was retired at version 1: replaced by laser-master");
    }

    @Test
    void cannotRetireAchievementWithoutReason() {
        fixture.given(LASER_MAKER_DEFINED)
                .when(new RetireAchievement(LASER_MAKER, " "))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("reason must not be blank");
    }
}
