package org.makerspace.api.openbadges.publish;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.makerspace.api.achievement.image.BadgeImage;
import org.makerspace.api.achievement.image.BadgeImageStore;
import org.makerspace.api.audience.AccessRule;
import org.makerspace.api.audience.OpenTo;
import org.makerspace.api.problem.NotFound;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The badge images labs uploaded, at the digest of their bytes: exactly the bytes uploaded, cached for good (the URL
 * cannot show other bytes), an SVG under a policy that lets it load and run nothing.
 */
@RestController
@CrossOrigin(origins = "*", methods = {RequestMethod.GET, RequestMethod.HEAD}, exposedHeaders = "ETag")
@Tag(name = "open badges")
class ImageDocumentController {

    private final BadgeImageStore images;

    ImageDocumentController(BadgeImageStore images) {
        this.images = images;
    }

    @Operation(summary = "A badge image a lab uploaded, as PNG, named by the SHA-256 of its bytes (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping(HostedImage.PATH + "{sha256}.png")
    ResponseEntity<byte[]> png(@PathVariable String sha256, HttpServletRequest request) {
        return image(sha256, HostedImage.Format.PNG, MediaType.IMAGE_PNG, request);
    }

    @Operation(summary = "A badge image a lab uploaded, as SVG, named by the SHA-256 of its bytes (public)")
    @OpenTo(AccessRule.PUBLIC)
    @GetMapping(HostedImage.PATH + "{sha256}.svg")
    ResponseEntity<byte[]> svg(@PathVariable String sha256, HttpServletRequest request) {
        return image(sha256, HostedImage.Format.SVG, PublicDocument.SVG, request);
    }

    private ResponseEntity<byte[]> image(String sha256, HostedImage.Format format, MediaType type,
                                         HttpServletRequest request) {
        String file = sha256 + "." + format.extension();
        HostedImage id = HostedImage.fromFileName(file).orElseThrow(() -> NotFound.of("image", file));
        BadgeImage image = images.find(id).orElseThrow(() -> NotFound.of("image", file));
        return PublicDocument.of(request, image.bytes(), type, PublicDocument.IMMUTABLE);
    }
}
