package org.makerspace.projections.credential.ob3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.ADA;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.URLS;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.award;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.laserBadge;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.lab;
import static org.makerspace.projections.credential.ob3.CredentialFixtures.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.catalog.AchievementView;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;

class OpenBadgeCredentialBuilderTest {

    private static final String NAMED_ID = URLS.credential(award().awardId()) + "/named";

    private final OpenBadgeCredentialBuilder builder = new OpenBadgeCredentialBuilder();

    @Test
    void contextsAreVcThenOpenBadgesThenItsExtensions() {
        ObjectNode credential = builder.build(request(null));

        assertThat(credential.get("@context")).extracting(node -> node.asText()).containsExactly(
                "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
    }

    @Test
    void credentialIdIsTheAwardIdAsAUrn() {
        ObjectNode credential = builder.build(request(null));

        assertThat(credential.get("id").asText()).isEqualTo("urn:uuid:" + award().awardId());
    }

    @Test
    void memberIdIsPublishedOnlySaltedAndHashed() throws Exception {
        ObjectNode credential = builder.build(request(null));
        ObjectNode identity = (ObjectNode) credential.at("/credentialSubject/identifier/0");
        String salt = identity.get("salt").asText();
        byte[] expected = MessageDigest.getInstance("SHA-256")
                .digest((ADA.value() + salt).getBytes(StandardCharsets.UTF_8));

        assertThat(identity.get("identityHash").asText()).isEqualTo("sha256$" + HexFormat.of().formatHex(expected));
        assertThat(identity.get("hashed").asBoolean()).isTrue();
        assertThat(identity.get("identityType").asText()).isEqualTo("identifier");
        assertThat(builder.json(request(null))).doesNotContain(ADA.value());
    }

    @Test
    void subjectIdIsAStablePseudonymOfMemberAndLab() {
        String subject = builder.build(request(null)).at("/credentialSubject/id").asText();

        assertThat(subject).startsWith("urn:uuid:").doesNotContain(ADA.value());
        assertThat(builder.build(request("Ada Lovelace")).at("/credentialSubject/id").asText()).isEqualTo(subject);
    }

    @Test
    void learnersNameAppearsOnlyWhenTheyChoseToShowIt() {
        ObjectNode anonymous = builder.build(request(null));
        ObjectNode named = builder.build(request("Ada Lovelace"));

        assertThat(anonymous.get("credentialSubject").has("name")).isFalse();
        assertThat(named.at("/credentialSubject/name").asText()).isEqualTo("Ada Lovelace");
        assertThat(named.at("/credentialSubject/identifier")).hasSize(1);
    }

    @Test
    void namedCopyHasItsOwnIdAndShowsTheName() {
        ObjectNode named = builder.build(request(null).named("Ada Lovelace", NAMED_ID));

        assertThat(named.get("id").asText()).isEqualTo(NAMED_ID);
        assertThat(named.at("/credentialSubject/name").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void namedCopySaysWhatTheCredentialSaysBesidesItsIdAndTheName() {
        ObjectNode original = builder.build(request(null));
        ObjectNode named = builder.build(request(null).named("Ada Lovelace", NAMED_ID));

        named.put("id", original.get("id").asText());
        ((ObjectNode) named.get("credentialSubject")).remove("name");

        assertThat(CredentialJson.write(named)).isEqualTo(CredentialJson.write(original));
    }

    @Test
    void namedCopyKeepsTheCredentialsStatusEntry() {
        ObjectNode named = builder.build(request(null).named("Ada Lovelace", NAMED_ID));

        assertThat(named.get("credentialStatus")).isEqualTo(builder.build(request(null)).get("credentialStatus"));
    }

    @Test
    void namedCopyNeedsANameAndAnIdOfItsOwn() {
        CredentialRequest original = request(null);

        assertThatThrownBy(() -> original.named(" ", NAMED_ID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a name");
        assertThatThrownBy(() -> original.named("Ada Lovelace", original.id()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs an id of its own");
    }

    @Test
    void credentialHasOneBlankNodeSoEveryCanonicaliserLabelsItAlike() {
        String canonical = new EddsaRdfc2022(BundledContexts.standard())
                .canonicalDocument(builder.build(request("Ada Lovelace")));

        assertThat(canonical).contains("_:c14n0").doesNotContain("_:c14n1");
    }

    @Test
    void achievementCarriesCriteriaImageTypeAndTags() {
        ObjectNode achievement = (ObjectNode) builder.build(request(null)).at("/credentialSubject/achievement");

        assertThat(achievement.get("id").asText()).isEqualTo(URLS.base() + "/ob3/achievements/laser-badge");
        assertThat(achievement.get("achievementType").asText()).isEqualTo("Badge");
        assertThat(achievement.at("/criteria/id").asText()).isEqualTo(achievement.get("id").asText() + "#criteria");
        assertThat(achievement.at("/criteria/narrative").asText())
                .isEqualTo("- Completed the training course laser-basics.\n"
                           + "- Holds a certification of level autonomous or above on laser cutter machines.");
        assertThat(achievement.at("/image/id").asText()).isEqualTo(URLS.base() + "/images/laser-badge.png");
        assertThat(achievement.at("/image/type").asText()).isEqualTo("Image");
        assertThat(achievement.get("tag")).extracting(node -> node.asText())
                .containsExactly("laser-basics", "laser-cutter");
    }

    @Test
    void validityIsKeptToWholeSeconds() {
        ObjectNode credential = builder.build(request(null));

        assertThat(credential.get("validFrom").asText()).isEqualTo("2026-03-02T10:15:30Z");
        assertThat(credential.get("validUntil").asText()).isEqualTo("2028-03-02T10:15:30Z");
    }

    @Test
    void credentialWithoutExpiryHasNoValidUntil() {
        assertThat(builder.build(request(null, null)).has("validUntil")).isFalse();
    }

    @Test
    void refusesAnAchievementVersionOtherThanTheAwardedOne() {
        AchievementView revised = new AchievementView(laserBadge().achievementId(), laserBadge().labId(), 2,
                                                      "Laser Cutter Operator II", "Revised.", laserBadge().criteria(),
                                                      null, false);

        assertThatThrownBy(() -> new CredentialRequest(IssuerProfile.of(lab(), URLS),
                                                       AchievementDescription.of(revised, URLS), award(),
                                                       Recipient.of(award(), null), Validity.of(award(), null),
                                                       List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is for version 1 of laser-badge, but version 2");
    }

    @Test
    void refusesMoreThanOneStatusEntry() {
        StatusEntry entry = StatusEntry.bitstring("https://s.example/1#1", "revocation", 1, "https://s.example/1");

        assertThatThrownBy(() -> new CredentialRequest(IssuerProfile.of(lab(), URLS),
                                                       AchievementDescription.of(laserBadge(), URLS), award(),
                                                       Recipient.of(award(), null), Validity.of(award(), null),
                                                       List.of(entry, entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allows one credentialStatus entry, not 2");
    }
}
