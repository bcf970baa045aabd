package org.makerspace.api.openbadges.publish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.makerspace.api.achievement.image.BadgeImage;
import org.makerspace.api.achievement.image.BadgeImageStore;
import org.makerspace.api.badgeimage.BadgeDesign;
import org.makerspace.api.badgeimage.DefaultBadgeImage;
import org.makerspace.api.baking.BadgeBaking;
import org.makerspace.api.baking.BadgePayload;
import org.makerspace.api.member.CredentialName;
import org.makerspace.api.member.MemberDirectory;
import org.makerspace.ledger.achievement.api.AchievementId;
import org.makerspace.ledger.achievement.api.Criterion;
import org.makerspace.ledger.achievement.api.HostedImage;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.projections.award.AwardedAchievement;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.VerificationMethods;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.ob3.AchievementDescription;
import org.makerspace.projections.credential.ob3.IssuerProfile;
import org.makerspace.projections.credential.ob3.OpenBadgeCredentialBuilder;
import org.makerspace.projections.issuance.CredentialState;
import org.makerspace.projections.issuance.IssuedCredential;
import org.makerspace.projections.issuance.IssuedCredentials;
import org.makerspace.projections.issuance.NamedCredential;
import org.makerspace.projections.issuance.NamedCredentials;
import org.springframework.stereotype.Component;

/**
 * Builds the public Open Badges documents from what issuance stored: the same stored state always gives the same
 * bytes (fields in a fixed order, one JSON mapping), so their ETags are stable. Images are drawn once and kept in a
 * small cache, since drawing a PNG takes far longer than any lookup.
 */
@Component
class OpenBadgesDocuments {

    static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";

    private final IssuedCredentials issued;
    private final IssuerKeys keys;
    private final VerificationMethods methods;
    private final PublicUrls urls;
    private final MemberDirectory directory;
    private final NamedCredentials named;
    private final BadgeImageStore uploaded;
    private final Cache<String, byte[]> images = Caffeine.newBuilder().maximumSize(512).build();
    /**
     * Named copies by award and name. Signing one takes far longer than a lookup, and anyone may ask; the learner's
     * choice is read before this cache on every request, so a withdrawal or an erasure takes effect at once, and an
     * entry leaves memory within minutes.
     */
    private final Cache<String, NamedCredential> namedCopies = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10)).maximumSize(256).build();

    OpenBadgesDocuments(IssuedCredentials issued, IssuerKeys keys, VerificationMethods methods, PublicUrls urls,
                        MemberDirectory directory, NamedCredentials named, BadgeImageStore uploaded) {
        this.issued = issued;
        this.keys = keys;
        this.methods = methods;
        this.urls = urls;
        this.directory = directory;
        this.named = named;
        this.uploaded = uploaded;
    }

    // ---------------------------------------------------------------- Open Badges 3.0

    /** The lab's issuer Profile, the one credentials embed. */
    /**
     * The lab's issuer profile, which is also the controller document of its keys: every key the lab ever had is listed
     * under {@code verificationMethod} and {@code assertionMethod}, so that a verifier that follows a proof's key to its
     * controller finds it authorised to sign the lab's credentials; a key the lab replaced says since when
     * ({@code expires}) and stays listed, so that what it signed keeps verifying. The DID and Multikey contexts define
     * those terms at the top of the document.
     */
    Optional<String> issuerProfile(LabId labId) {
        return issued.lab(labId).map(lab -> {
            IssuerProfile profile = lab.profile(urls);
            ObjectNode document = ob3Document();
            document.withArray("@context").add(DID_CONTEXT).add(VerificationMethods.MULTIKEY_CONTEXT);
            document.put("id", profile.id());
            document.putArray("type").add("Profile");
            document.put("name", profile.name());
            putIfPresent(document, "url", profile.url());
            putIfPresent(document, "email", profile.email());
            List<IssuerKey> labKeys = keys.keysOf(labId);
            Map<String, Instant> retired = VerificationMethods.retirements(labKeys);
            ArrayNode methods = document.putArray("verificationMethod");
            ArrayNode assertion = document.putArray("assertionMethod");
            for (IssuerKey key : labKeys) {
                methods.add(this.methods.method(key, retired.get(key.keyId())));
                assertion.add(this.methods.id(key));
            }
            return CredentialJson.write(document);
        });
    }

    /** The latest version of an achievement, with its criteria at {@code #criteria} and its creator. */
    Optional<String> achievement(AchievementId achievementId) {
        return issued.latestAchievement(achievementId).flatMap(achievement -> issued.lab(achievement.labId())
                .map(lab -> {
                    AchievementDescription description = AchievementDescription.of(achievement, imageOf(achievement),
                                                                                   urls);
                    ObjectNode document = ob3Document();
                    document.put("id", description.id());
                    document.putArray("type").add("Achievement");
                    document.put("achievementType", description.achievementType());
                    document.put("name", description.name());
                    document.put("description", description.description());
                    ObjectNode criteria = document.putObject("criteria");
                    criteria.put("id", description.id() + "#criteria");
                    criteria.put("narrative", description.criteriaNarrative());
                    ObjectNode image = document.putObject("image");
                    image.put("id", description.imageUrl());
                    image.put("type", "Image");
                    document.put("version", Integer.toString(description.version()));
                    if (!description.tags().isEmpty()) {
                        ArrayNode tags = document.putArray("tag");
                        description.tags().forEach(tags::add);
                    }
                    IssuerProfile creator = lab.profile(urls);
                    ObjectNode profile = document.putObject("creator");
                    profile.put("id", creator.id());
                    profile.putArray("type").add("Profile");
                    profile.put("name", creator.name());
                    return CredentialJson.write(document);
                }));
    }

    /** The default badge image of one version of an achievement. */
    Optional<byte[]> defaultImage(AchievementId achievementId, int version, PublicUrls.Image format) {
        return issued.achievement(achievementId, version).flatMap(achievement -> design(achievement)
                .map(design -> images.get(format + "|" + achievementId + "|" + version,
                                          key -> draw(design, format))));
    }

    /** The key's Multikey verification method, when the key is one of this lab's. */
    Optional<String> multikey(LabId labId, String keyId) {
        return labKey(labId, keyId).map(key -> CredentialJson.write(
                methods.multikey(key, VerificationMethods.retirements(keys.keysOf(labId)).get(keyId))));
    }

    /** The key as a public JWK, when the key is one of this lab's. */
    Optional<String> publicJwk(LabId labId, String keyId) {
        return labKey(labId, keyId).map(key -> CredentialJson.write(methods.publicJwk(key)));
    }

    /**
     * The award's badge image with its VC-JWT baked in: the image its lab uploaded for the awarded version when it is
     * of this format, otherwise the default image drawn for that version.
     */
    Optional<byte[]> bakedBadge(String awardId, PublicUrls.Image format) {
        return issued.credential(awardId).flatMap(credential -> issued
                .achievement(credential.achievementId(), credential.achievementVersion())
                .flatMap(achievement -> imageToBake(achievement, format))
                .map(image -> images.get(format + "|baked|" + awardId, key -> BadgeBaking.bake(
                        image, BadgePayload.ob3Jwt(credential.jwt())))));
    }

    /**
     * The uploaded image of the version in the requested format, else the default drawing. An upload in the other
     * format falls back to the default of the requested one on purpose: turning an SVG into a PNG needs an SVG
     * renderer (we ship none, and it would draw unlike browsers), and a PNG wrapped in an SVG is an SVG in name only.
     * An image named by an absolute URL elsewhere is never fetched, so it falls back too.
     */
    private Optional<byte[]> imageToBake(AwardedAchievement achievement, PublicUrls.Image format) {
        Optional<BadgeImage> own = uploadedImage(achievement, format);
        if (own.isPresent()) {
            return Optional.of(own.get().bytes());
        }
        return design(achievement).map(design -> draw(design, format));
    }

    /** The image the lab uploaded for this version, if it did and in this format. */
    private Optional<BadgeImage> uploadedImage(AwardedAchievement achievement, PublicUrls.Image format) {
        return HostedImage.fromUrl(achievement.imageUrl())
                .filter(image -> image.format().name().equals(format.name()))
                .flatMap(uploaded::find);
    }

    // ---------------------------------------------------------------- named copies

    /**
     * The learner's named copy of the award's credential, while the learner chooses to show their name; empty when
     * there is no such credential, the learner does not (or no longer) show their name, or it was erased.
     */
    Optional<NamedCredential> namedCredential(String awardId) {
        return issued.credential(awardId).flatMap(this::namedCopy);
    }

    /** The award's default badge image with the named copy's VC-JWT baked in, under the same conditions. */
    Optional<byte[]> namedBakedBadge(String awardId, PublicUrls.Image format) {
        return issued.credential(awardId).flatMap(credential -> namedCopy(credential).flatMap(
                copy -> defaultImage(credential.achievementId(), credential.achievementVersion(), format)
                        .map(image -> BadgeBaking.bake(image, BadgePayload.ob3Jwt(copy.jwt())))));
    }

    private Optional<NamedCredential> namedCopy(IssuedCredential credential) {
        return directory.credentialName(credential.memberId().value()).flatMap(CredentialName::shown)
                .flatMap(name -> Optional.ofNullable(namedCopies.get(credential.awardId() + "\n" + name,
                                                                     key -> named.of(credential, name).orElse(null))));
    }

    // ---------------------------------------------------------------- Open Badges 2.0

    /** The lab as an Open Badges 2.0 Issuer. */
    Optional<String> ob2Issuer(LabId labId) {
        return issued.lab(labId).map(lab -> {
            ObjectNode document = ob2Document("Issuer", urls.ob2Issuer(labId));
            document.put("name", lab.name());
            document.put("url", lab.publicUrl() != null ? lab.publicUrl() : urls.issuer(labId));
            putIfPresent(document, "email", lab.contactEmail());
            return CredentialJson.write(document);
        });
    }

    /** One version of an achievement as an Open Badges 2.0 BadgeClass. */
    Optional<String> ob2BadgeClass(AchievementId achievementId, int version) {
        return issued.achievement(achievementId, version).map(achievement -> {
            AchievementDescription description = AchievementDescription.of(achievement, imageOf(achievement), urls);
            ObjectNode document = ob2Document("BadgeClass", urls.ob2BadgeClass(achievementId, version));
            document.put("name", description.name());
            document.put("description", description.description().isBlank() ? description.name()
                    : description.description());
            document.put("image", description.imageUrl());
            ObjectNode criteria = document.putObject("criteria");
            criteria.put("id", description.id() + "#criteria");
            criteria.put("narrative", description.criteriaNarrative());
            document.put("issuer", urls.ob2Issuer(achievement.labId()));
            if (!description.tags().isEmpty()) {
                ArrayNode tags = document.putArray("tags");
                description.tags().forEach(tags::add);
            }
            return CredentialJson.write(document);
        });
    }

    /**
     * The award's hosted Open Badges 2.0 Assertion. The recipient is the credential's pseudonymous subject id (a
     * URI; the ledger holds no e-mail address), hashed with the credential's salt.
     */
    Optional<String> ob2Assertion(String awardId) {
        return issued.credential(awardId).map(credential -> {
            ObjectNode document = ob2Document("Assertion", urls.ob2Assertion(awardId));
            ObjectNode recipient = document.putObject("recipient");
            recipient.put("type", "url");
            recipient.put("hashed", true);
            recipient.put("salt", credential.salt());
            recipient.put("identity", "sha256$" + sha256Hex(credential.subjectId() + credential.salt()));
            document.put("badge", urls.ob2BadgeClass(credential.achievementId(), credential.achievementVersion()));
            document.putObject("verification").put("type", "hosted");
            document.put("issuedOn", credential.validFrom().toString());
            if (credential.validUntil() != null) {
                document.put("expires", credential.validUntil().toString());
            }
            return CredentialJson.write(document);
        });
    }

    /** The body of a 410 Gone for a revoked (or, while it lasts, suspended) assertion, as Open Badges 2.0 asks. */
    String ob2Revoked(String awardId, CredentialState state) {
        ObjectNode document = ob2Document("Assertion", urls.ob2Assertion(awardId));
        document.put("revoked", true);
        String reason = state.revoked() ? state.revocationReason() : "suspended by the issuer";
        putIfPresent(document, "revocationReason", reason);
        return CredentialJson.write(document);
    }

    // ---------------------------------------------------------------- shared

    Optional<IssuedCredential> credential(String awardId) {
        return issued.credential(awardId);
    }

    Optional<CredentialState> state(String awardId) {
        return issued.state(awardId);
    }

    private Optional<IssuerKey> labKey(LabId labId, String keyId) {
        return keys.find(keyId).filter(key -> key.labId().equals(labId));
    }

    /** The lab's image of the achievement if it gave one, else the default image of the version. */
    private String imageOf(AwardedAchievement achievement) {
        return achievement.imageUrl() == null || achievement.imageUrl().isBlank()
                ? urls.achievementImage(achievement.achievementId(), achievement.version(), PublicUrls.Image.PNG)
                : achievement.imageUrl();
    }

    /** The default design: the version's name, the lab's name, the colour of the machine type it certifies, if any. */
    private Optional<BadgeDesign> design(AwardedAchievement achievement) {
        return issued.lab(achievement.labId()).map(lab -> BadgeDesign.of(achievement.name(), lab.name(),
                                                                          achievement.achievementId(),
                                                                          machineType(achievement)));
    }

    private static MachineType machineType(AwardedAchievement achievement) {
        for (Criterion criterion : achievement.criteria()) {
            if (criterion instanceof Criterion.CertificationHeld held) {
                return held.machineType();
            }
        }
        return null;
    }

    private static byte[] draw(BadgeDesign design, PublicUrls.Image format) {
        return format == PublicUrls.Image.PNG ? DefaultBadgeImage.badgePng(design) : DefaultBadgeImage.svg(design);
    }

    /** Defines {@code verificationMethod} and {@code assertionMethod} at the top of a controller document. */
    static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";

    private static ObjectNode ob3Document() {
        ObjectNode document = CredentialJson.object();
        document.putArray("@context").add(OpenBadgeCredentialBuilder.VC_CONTEXT).add(OpenBadgeCredentialBuilder.OB_CONTEXT);
        return document;
    }

    private static ObjectNode ob2Document(String type, String id) {
        ObjectNode document = CredentialJson.object();
        document.put("@context", OB2_CONTEXT);
        document.put("type", type);
        document.put("id", id);
        return document;
    }

    private static void putIfPresent(ObjectNode document, String field, String value) {
        if (value != null && !value.isBlank()) {
            document.put(field, value);
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
