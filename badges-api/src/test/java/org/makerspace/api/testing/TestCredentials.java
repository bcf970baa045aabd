package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.projections.award.Award;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.catalog.LabView;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.AchievementDescription;
import org.makerspace.projections.credential.ob3.CredentialRequest;
import org.makerspace.projections.credential.ob3.IssuerProfile;
import org.makerspace.projections.credential.ob3.Recipient;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.ob3.Validity;
import org.makerspace.projections.status.BitstringStatusListEntry;

/** Requests for credentials of any lab, published under any base URL, and the baked images that carry them. */
public final class TestCredentials {

    private TestCredentials() {
    }

    /**
     * A credential request for a member's badge from a lab: the award is made at {@code validFrom} for version 1 of
     * the achievement, which is named after the badge; {@code status} may be null.
     */
    public static CredentialRequest request(PublicUrls urls, LabId lab, String badge, MemberId member,
                                            Instant validFrom, Instant validUntil, StatusEntry status) {
        AchievementId achievement = AchievementId.of(badge.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        String event = "event-" + member + "-" + achievement + "-" + validFrom.toEpochMilli();
        Award award = new Award(Award.idFor(member, achievement, 1, event), member, achievement, 1, lab, validFrom,
                                List.of());
        AchievementView view = new AchievementView(achievement, lab, 1, badge, "Operates it safely on their own.",
                                                   List.of(), null, false);
        LabView labView = new LabView(lab, "Lab " + lab, "https://" + lab + ".example", null, validFrom, List.of(),
                                      List.of(), List.of(view));
        return new CredentialRequest(IssuerProfile.of(labView, urls), AchievementDescription.of(view, urls), award,
                                     Recipient.of(award, null), new Validity(validFrom, validUntil),
                                     status == null ? List.of() : List.of(status));
    }

    /** The status entry of a registry's {@code credentialStatus}, as a credential request takes it. */
    public static StatusEntry statusEntry(BitstringStatusListEntry entry) {
        return StatusEntry.bitstring(entry.id(), entry.statusPurpose(), Long.parseLong(entry.statusListIndex()),
                                     entry.statusListCredential());
    }

    /** The credential JSON with one change made to it. */
    public static String changed(String json, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode credential = CredentialJson.parseObject(json);
        change.accept(credential);
        return CredentialJson.write(credential);
    }

    /** A small PNG badge with the payload baked in. */
    public static byte[] bakedPng(BadgePayload payload) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BadgeBaking.bake(png.toByteArray(), payload);
    }

    /** A small SVG badge with the payload baked in. */
    public static byte[] bakedSvg(BadgePayload payload) {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><circle r=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        return BadgeBaking.bake(svg, payload);
    }
}
