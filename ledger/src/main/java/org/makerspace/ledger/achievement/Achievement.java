package org.makerspace.ledger.achievement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
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
import org.makerspace.ledger.common.Require;
import org.makerspace.ledger.common.UnknownReference;
import org.makerspace.ledger.lab.LabRules;
import org.makerspace.ledger.lab.api.LabId;

/** A badge definition of a lab, with its current version. */
class Achievement {

    @AggregateIdentifier
    private AchievementId achievementId;
    private int version;
    /** The current version's definition, to tell a real revision from a repeated one. */
    private Definition definition;
    /** Why the achievement was retired; {@code null} while it is awarded. */
    private String retirementReason;

    /** For Axon and for snapshots. */
    Achievement() {
    }

    @CommandHandler
    Achievement(DefineAchievement command, LabRules labs, UploadedImages images) {
        Require.present(command.achievementId(), "achievementId");
        LabId lab = Require.present(command.labId(), "labId");
        Definition defined = Definition.validated(command.name(), command.description(), command.criteria(), command.imageUrl());
        labs.requireLab(lab);
        requireStored(defined.imageUrl(), images);
        apply(new AchievementDefined(command.achievementId(), lab, 1, defined.name(), defined.description(),
                List.copyOf(defined.criteria()), defined.imageUrl()));
    }

    @CommandHandler
    void handle(ReviseAchievement command, UploadedImages images) {
        Definition revised = Definition.validated(command.name(), command.description(), command.criteria(), command.imageUrl());
        refuseIfRetired();
        if (revised.sameAs(definition)) {
            throw new DomainRefusal("no-change", "achievement " + achievementId + " at version " + version
                    + " already has this name, description, criteria and image");
        }
        requireStored(revised.imageUrl(), images);
        apply(new AchievementRevised(achievementId, version + 1, revised.name(), revised.description(),
                List.copyOf(revised.criteria()), revised.imageUrl()));
    }

    /**
     * A new image is a new version, like any other change of how the badge presents itself: awards already made keep
     * the image of their version, so their credentials and baked badges stay as they were issued. Uploading the image
     * the current version already shows records nothing, so a client may repeat an upload safely.
     */
    @CommandHandler
    void handle(ChangeAchievementImage command, UploadedImages images) {
        HostedImage image = Require.present(command.image(), "image");
        refuseIfRetired();
        if (image.path().equals(definition.imageUrl())) {
            return;
        }
        requireStored(image.path(), images);
        apply(new AchievementRevised(achievementId, version + 1, definition.name(), definition.description(),
                List.copyOf(definition.criteria()), image.path()));
    }

    @CommandHandler
    void handle(RetireAchievement command) {
        String reason = Require.notBlank(command.reason(), "reason");
        refuseIfRetired();
        apply(new AchievementRetired(achievementId, version, reason));
    }

    private void refuseIfRetired() {
        if (retirementReason != null) {
            throw new DomainRefusal("achievement-retired",
                    "achievement " + achievementId + " was retired at version " + version + ": " + retirementReason);
        }
    }

    private static void requireStored(String imageUrl, UploadedImages images) {
        Optional<HostedImage> hosted = HostedImage.fromUrl(imageUrl);
        if (hosted.isPresent() && !images.isStored(hosted.get())) {
            throw new UnknownReference("unknown-image", "no image was uploaded as " + imageUrl);
        }
    }

    @EventSourcingHandler
    private void on(AchievementDefined event) {
        achievementId = event.achievementId();
        version = event.version();
        definition = new Definition(event.name(), event.description(), event.criteria(), event.imageUrl());
    }

    @EventSourcingHandler
    private void on(AchievementRevised event) {
        version = event.version();
        definition = new Definition(event.name(), event.description(), event.criteria(), event.imageUrl());
    }

    @EventSourcingHandler
    private void on(AchievementRetired event) {
        retirementReason = event.reason();
    }

    /** One version's content: what a member must do, and how the badge presents itself. */
    private record Definition(String name, String description, List<Criterion> criteria, String imageUrl) {

        /**
         * Holds the criteria in a plain ArrayList, never mutated: a snapshot serialised with type information then
         * names a stable public class instead of whichever internal class {@code List.of} happened to return.
         */
        Definition {
            criteria = new ArrayList<>(criteria);
        }

        static Definition validated(String name, String description, List<Criterion> criteria, String imageUrl) {
            Require.notBlank(name, "name");
            Require.notBlank(description, "description");
            Require.distinctElements(criteria, "criteria");
            if (imageUrl != null && !Require.isHttpUrl(imageUrl) && HostedImage.fromUrl(imageUrl).isEmpty()) {
                throw new IllegalArgumentException("imageUrl must be absent, an absolute http(s) URL or the path of an "
                        + "uploaded image (" + HostedImage.PATH + "<sha-256>.png or .svg), but was '" + imageUrl + "'");
            }
            return new Definition(name, description, criteria, imageUrl);
        }

        /** Same content; criteria are a conjunction, so their order does not count. */
        boolean sameAs(Definition other) {
            return name.equals(other.name)
                    && description.equals(other.description)
                    && Objects.equals(imageUrl, other.imageUrl)
                    && Set.copyOf(criteria).equals(Set.copyOf(other.criteria));
        }
    }
}
