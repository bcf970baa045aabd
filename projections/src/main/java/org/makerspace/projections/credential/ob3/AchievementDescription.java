package org.makerspace.projections.credential.ob3;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.credential.PublicUrls;

/**
 * The Achievement a credential embeds, as it stood in one version: its id (stable across versions), name,
 * description, criteria narrative (Markdown), image (absolute URL, or null), {@code achievementType} (an OB 3.0
 * AchievementType such as {@code Badge} or {@code Certificate}) and tags.
 */
public record AchievementDescription(String id, AchievementId achievementId, int version, String name,
                                     String description, String criteriaNarrative, String imageUrl,
                                     String achievementType, List<String> tags) {

    public static final String BADGE = "Badge";
    public static final String CERTIFICATE = "Certificate";

    public AchievementDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(achievementType, "achievementType");
        description = description == null ? "" : description;
        criteriaNarrative = criteriaNarrative == null ? "" : criteriaNarrative;
        imageUrl = IssuerProfile.blankToNull(imageUrl);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The achievement of the catalog as a Badge, its criteria written out as the narrative and named as tags; a
     * relative image URL is resolved against the public base URL.
     */
    public static AchievementDescription of(AchievementView view, PublicUrls urls) {
        String image = view.imageUrl() == null || view.imageUrl().isBlank() ? null : urls.resolve(view.imageUrl());
        return new AchievementDescription(urls.achievement(view.achievementId()), view.achievementId(), view.version(),
                                          view.name(), view.description(), narrative(view.criteria()), image, BADGE,
                                          tags(view.criteria()));
    }

    /**
     * An awarded version of an achievement as a Badge, like {@link #of(AchievementView, PublicUrls)}, showing
     * {@code imageUrl} (the lab's image, or the default image of that version) resolved against the base URL.
     */
    public static AchievementDescription of(AwardedAchievement awarded, String imageUrl, PublicUrls urls) {
        String image = imageUrl == null || imageUrl.isBlank() ? null : urls.resolve(imageUrl);
        return new AchievementDescription(urls.achievement(awarded.achievementId()), awarded.achievementId(),
                                          awarded.version(), awarded.name(), awarded.description(),
                                          narrative(awarded.criteria()), image, BADGE, tags(awarded.criteria()));
    }

    public AchievementDescription withAchievementType(String type) {
        return new AchievementDescription(id, achievementId, version, name, description, criteriaNarrative, imageUrl,
                                          type, tags);
    }

    /** The criteria as a Markdown list, one sentence each, in definition order. */
    static String narrative(List<Criterion> criteria) {
        List<String> lines = new ArrayList<>();
        for (Criterion criterion : criteria) {
            lines.add("- " + sentence(criterion));
        }
        return String.join("\n", lines);
    }

    static String sentence(Criterion criterion) {
        if (criterion instanceof Criterion.TrainingCompleted training) {
            return "Completed the training course " + training.courseCode() + ".";
        }
        if (criterion instanceof Criterion.CertificationHeld held) {
            return "Holds a certification of level " + words(held.minimumLevel().name()) + " or above on "
                   + words(held.machineType().code()) + " machines.";
        }
        Criterion.ContributionsMade made = (Criterion.ContributionsMade) criterion;
        return "Contributed to " + made.count() + (made.count() == 1 ? " workshop" : " workshops") + " as "
               + words(made.role().name()) + ".";
    }

    private static List<String> tags(List<Criterion> criteria) {
        Set<String> tags = new LinkedHashSet<>();
        for (Criterion criterion : criteria) {
            if (criterion instanceof Criterion.TrainingCompleted training) {
                tags.add(training.courseCode());
            } else if (criterion instanceof Criterion.CertificationHeld held) {
                tags.add(held.machineType().code());
            } else if (criterion instanceof Criterion.ContributionsMade made) {
                tags.add(made.role().name().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(tags);
    }

    private static String words(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
