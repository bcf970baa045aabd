package org.makerspace.api.achievement.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.makerspace.api.achievement.image.BadgeImage;
import org.makerspace.api.achievement.image.BadgeImageIntake;
import org.makerspace.api.achievement.image.BadgeImageStore;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.ledger.LedgerCommands;
import org.makerspace.api.problem.NotFound;
import org.makerspace.api.security.Caller;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.ChangeAchievementImage;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.catalog.CatalogProjection;
import org.makerspace.projections.catalog.FindAchievement;
import org.makerspace.projections.credential.PublicUrls;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A lab's own image for one of its badges. The order is what keeps the ledger sound: the caller is checked before a
 * byte is read, the image is checked and stored durably before the ledger records the version naming it, and only a
 * version naming a stored image is recorded (the achievement checks that too).
 */
@RestController
@Tag(name = "achievements")
class AchievementImageController {

    private final BadgeImageIntake intake;
    private final BadgeImageStore images;
    private final LedgerCommands commands;
    private final CatalogProjection catalog;
    private final PublicUrls urls;

    AchievementImageController(BadgeImageIntake intake, BadgeImageStore images, LedgerCommands commands,
                               CatalogProjection catalog, PublicUrls urls) {
        this.intake = intake;
        this.images = images;
        this.commands = commands;
        this.catalog = catalog;
        this.urls = urls;
    }

    /**
     * @param imageUrl  what the achievement's versions record from now on (see {@code GET /api/achievements/{id}}):
     *                  the path of the image, which a revision sends back to keep it
     * @param publicUrl where anyone fetches the image, the URL credentials name
     */
    record ImageUploaded(String imageUrl, String publicUrl, String sha256, String mediaType, int width, int height) {
    }

    @Operation(summary = "Give a badge its own image (admin of its lab): a PNG (at most 512 KB, 64 to 2048 pixels, "
                         + "about square) or an SVG (at most 128 KB, no script nor external reference). Awards from "
                         + "now on show it; those already made keep theirs. The same image again changes nothing")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The image, as image/png or image/svg+xml",
            required = true, content = {@Content(mediaType = BadgeImageIntake.PNG),
                                        @Content(mediaType = BadgeImageIntake.SVG)})
    @OpenTo(AccessRule.LAB_ADMIN)
    @PutMapping(path = "/api/achievements/{achievementId}/image",
                consumes = {BadgeImageIntake.PNG, BadgeImageIntake.SVG})
    ImageUploaded upload(@PathVariable String achievementId, HttpServletRequest request, Caller caller)
            throws IOException {
        caller.requireLabAdmin(labOf(achievementId));
        BadgeImage image = intake.read(request);
        images.store(image);
        commands.send(new ChangeAchievementImage(AchievementId.of(achievementId), image.id()), caller);
        return new ImageUploaded(image.id().path(), urls.hostedImage(image.id()), image.id().sha256(),
                                 image.format().mediaType(), image.width(), image.height());
    }

    private String labOf(String achievementId) {
        AchievementView view = catalog.find(new FindAchievement(AchievementId.of(achievementId)));
        if (view == null) {
            throw NotFound.of("achievement", achievementId);
        }
        return view.labId().toString();
    }
}
