package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * Builds the unsigned OpenBadgeCredential of an award (1EdTech Open Badges 3.0 on the W3C VC Data Model 2.0). Fields
 * are written in one fixed order and every value derives from the request, so the same request always gives the
 * same bytes. Every term used is defined by the three contexts, in this order: VC 2.0, OB 3.0.3, and the OB
 * extensions (which define the credential schema's validator type).
 *
 * <p>The credential has a single blank node, the IdentityObject (whose schema forbids an id): the criteria are named
 * by a fragment of the achievement, and neither evidence nor a name IdentityObject is written. With one blank node,
 * every RDF canonicaliser labels it alike; iron 0.14.0, which 1EdTech's validator uses, canonicalises with rdf-urdna
 * 1.1, whose first-degree hashes are not RDFC-1.0's (with titanium 1.4.0, the version iron declares, it hashes IRIs
 * written as {@code <<...>>}), so it may order two or more blank nodes differently and then rejects a correct
 * proof. The award's evidence (internal record ids, no public URL) adds nothing a verifier can follow; the criteria
 * narrative states what was met. {@code awardedDate} is left out too: it would repeat {@code validFrom}, and the
 * OB 3.0.3 context types it with an undeclared {@code xsd:} prefix.
 *
 * <p><b>The recipient's name</b>, in a named copy only, is the subject's {@code name}. Open Badges 3.0 offers two
 * valid places for it, and we chose by what verifiers accept:
 * <ul>
 * <li>{@code credentialSubject.name} (chosen): the VC 2.0 and OB 3.0.3 contexts both define {@code name} as
 * {@code https://schema.org/name}, so JSON-LD safe mode accepts it, and the 1EdTech schema leaves AchievementSubject
 * open ({@code additionalProperties: true}); the subject keeps its one blank node, so iron verifies the proof
 * (tested).</li>
 * <li>a second IdentityObject with {@code identityType} {@code name} and {@code hashed} false (the value 1EdTech
 * added to IdentifierTypeEnum for this purpose): just as valid, but a second blank node, and iron then rejected the
 * correct proof of 23 of 40 differently named copies we tried. The VC-JWT would not suffer, the Data Integrity
 * form would fail at 1EdTech's validator about every other time.</li>
 * </ul>
 * Named copies are built on request, never stored, so moving the name into an IdentityObject once 1EdTech's validator
 * canonicalises by RDFC-1.0 changes only the copies downloaded after that.
 */
public final class OpenBadgeCredentialBuilder {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    public static final String SCHEMA_ID =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    public static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";

    /** The credential as JSON, fields in their fixed order. */
    public String json(CredentialRequest request) {
        return CredentialJson.write(build(request));
    }

    public ObjectNode build(CredentialRequest request) {
        ObjectNode credential = CredentialJson.object();
        credential.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT).add(OB_EXTENSIONS_CONTEXT);
        credential.put("id", request.id());
        credential.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        credential.put("name", request.achievement().name());
        credential.set("issuer", issuer(request.issuer()));
        credential.put("validFrom", request.validity().validFrom().toString());
        if (request.validity().validUntil() != null) {
            credential.put("validUntil", request.validity().validUntil().toString());
        }
        credential.set("credentialSubject", subject(request.recipient(), request.achievement()));
        ObjectNode schema = credential.putArray("credentialSchema").addObject();
        schema.put("id", SCHEMA_ID);
        schema.put("type", SCHEMA_TYPE);
        for (StatusEntry entry : request.status()) {
            credential.set("credentialStatus", status(entry));
        }
        return credential;
    }

    /** The credential id of an award: its id as a URN, since an award id is a (name-based) UUID. */
    public static String credentialId(String awardId) {
        UUID uuid;
        try {
            uuid = UUID.fromString(awardId);
        } catch (IllegalArgumentException e) {
            uuid = UUID.nameUUIDFromBytes(awardId.getBytes(StandardCharsets.UTF_8));
        }
        return "urn:uuid:" + uuid;
    }

    private static ObjectNode issuer(IssuerProfile profile) {
        ObjectNode issuer = CredentialJson.object();
        issuer.put("id", profile.id());
        issuer.putArray("type").add("Profile");
        issuer.put("name", profile.name());
        if (profile.url() != null) {
            issuer.put("url", profile.url());
        }
        if (profile.email() != null) {
            issuer.put("email", profile.email());
        }
        return issuer;
    }

    private static ObjectNode subject(Recipient recipient, AchievementDescription achievement) {
        ObjectNode subject = CredentialJson.object();
        subject.put("id", recipient.subjectId());
        subject.putArray("type").add("AchievementSubject");
        if (recipient.name() != null) {
            subject.put("name", recipient.name());
        }
        ObjectNode hashed = subject.putArray("identifier").addObject();
        hashed.put("type", "IdentityObject");
        hashed.put("identityHash", recipient.identityHash());
        hashed.put("identityType", "identifier");
        hashed.put("hashed", true);
        hashed.put("salt", recipient.salt());
        subject.set("achievement", achievement(achievement));
        return subject;
    }

    private static ObjectNode achievement(AchievementDescription description) {
        ObjectNode achievement = CredentialJson.object();
        achievement.put("id", description.id());
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", description.achievementType());
        achievement.put("name", description.name());
        achievement.put("description", description.description());
        ObjectNode criteria = achievement.putObject("criteria");
        criteria.put("id", description.id() + "#criteria");
        criteria.put("narrative", description.criteriaNarrative());
        if (description.imageUrl() != null) {
            ObjectNode image = achievement.putObject("image");
            image.put("id", description.imageUrl());
            image.put("type", "Image");
        }
        achievement.put("version", Integer.toString(description.version()));
        if (!description.tags().isEmpty()) {
            ArrayNode tags = achievement.putArray("tag");
            description.tags().forEach(tags::add);
        }
        return achievement;
    }

    private static ObjectNode status(StatusEntry entry) {
        ObjectNode status = CredentialJson.object();
        status.put("id", entry.id());
        status.put("type", entry.type());
        status.put("statusPurpose", entry.statusPurpose());
        status.put("statusListIndex", entry.statusListIndex());
        status.put("statusListCredential", entry.statusListCredential());
        return status;
    }
}
