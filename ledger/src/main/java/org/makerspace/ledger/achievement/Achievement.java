package org.makerspace.ledger.achievement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.DefineAchievement;
import org.makerspace.ledger.achievement.api.RetireAchievement;
import org.makerspace.ledger.achievement.api.ReviseAchievement;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.Require;
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
    Achievement(DefineAchievement command, LabRules labs) {
        Require.present(command.achievementId(), "achievementId");
        LabId lab = Require.present(command.labId(), "labId");
        Definition defined = Definition.validated(command.name(), command.description(), command.criteria(), command.imageUrl());
        labs.requireLab(lab);
        apply(new AchievementDefined(command.achievementId(), lab, 1, defined.name(), defined.description(),
                List.copyOf(defined.criteria()), defined.imageUrl()));
    }

    @CommandHandler
    void handle(ReviseAchievement command) {
        Definition revised = Definition.validated(command.name(), command.description(), command.criteria(), command.imageUrl());
        refuseIfRetired();
        if (revised.sameAs(definition)) {
            throw new DomainRefusal("no-change", "achievement " + achievementId + " at version " + version
                    + " already has this name, description, criteria and image");
        }
        apply(new AchievementRevised(achievementId, version + 1, revised.name(), revised.description(),
                List.copyOf(revised.criteria()), revised.imageUrl()));
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
            Require.optionalHttpUrl(imageUrl, "imageUrl");
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
