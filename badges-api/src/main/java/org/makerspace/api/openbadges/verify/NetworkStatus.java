package org.makerspace.api.openbadges.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.ContextPolicy;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jsonld.SafeMode;
import org.makerspace.projections.credential.jwt.JwtCheck;
import org.makerspace.projections.credential.jwt.VcJwt;
import org.makerspace.projections.credential.ob3.StatusReason;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.ProofCheck;
import org.makerspace.projections.status.StatusList;
import org.makerspace.projections.status.StatusListId;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.status.StatusPurpose;

/**
 * The status check: every {@code BitstringStatusListEntry} of the credential must point at a clear bit. A list of
 * one of our labs is read from the {@link StatusListRegistry} (its URL maps back to the lab and purpose); a list of a
 * trusted partner is fetched from the partner's own host, and its own proof, issuer and purpose are checked before
 * its bit is believed; a list of anyone else is not fetched, and the check fails. A credential that names no status
 * list passes: nothing can revoke it.
 */
final class NetworkStatus implements VerificationHook {

    private static final String ENTRY_TYPE = "BitstringStatusListEntry";
    private static final String LIST_TYPE = "BitstringStatusListCredential";

    private final VerificationSession session;
    private final StatusListRegistry registry;
    private final BundledContexts contexts;

    NetworkStatus(VerificationSession session, StatusListRegistry registry, BundledContexts contexts) {
        this.session = session;
        this.registry = registry;
        this.contexts = contexts;
    }

    @Override
    public Outcome check(Presented presented) {
        JsonNode status = presented.credential().get("credentialStatus");
        if (status == null || status.isNull()) {
            return Outcome.ok(StatusReason.NO_STATUS_LIST, "the credential names no status list");
        }
        List<JsonNode> entries = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(entries::add);
        } else {
            entries.add(status);
        }
        List<String> details = new ArrayList<>();
        for (JsonNode entry : entries) {
            Outcome outcome = entry(entry, presented);
            if (!outcome.ok()) {
                return outcome;
            }
            details.add(outcome.detail());
        }
        return Outcome.ok(StatusReason.ACTIVE, String.join("; ", details));
    }

    private Outcome entry(JsonNode entry, Presented presented) {
        String type = CredentialFields.text(entry, "type");
        if (!ENTRY_TYPE.equals(type)) {
            return invalid("unsupported credentialStatus type " + type + " (only " + ENTRY_TYPE + ")");
        }
        Optional<StatusPurpose> purpose = purpose(CredentialFields.text(entry, "statusPurpose"));
        if (purpose.isEmpty()) {
            return invalid("unsupported statusPurpose " + CredentialFields.text(entry, "statusPurpose")
                           + " (revocation or suspension)");
        }
        int index;
        try {
            index = Integer.parseInt(String.valueOf(CredentialFields.text(entry, "statusListIndex")));
        } catch (NumberFormatException e) {
            return invalid("the statusListIndex is not a number: " + entry.get("statusListIndex"));
        }
        String url = CredentialFields.text(entry, "statusListCredential");
        if (url == null || index < 0) {
            return invalid("the status entry names no list, or a negative index");
        }
        String issuer = CredentialFields.issuerId(presented.credential());
        Optional<StatusListId> own = ownList(url);
        if (own.isPresent()) {
            return ownBit(own.get(), purpose.get(), index, url, issuer);
        }
        if (!session.onTrustedPartnersHost(url) || !session.claimedIssuer().equals(issuer)) {
            return Outcome.failed(StatusReason.NOT_CHECKED, "issuer not trusted, status list not fetched: " + url
                                  + " is not a list of our labs nor on the host of a partner one of our labs declared");
        }
        Outcome named = partnerBit(url, purpose.get(), index, issuer, presented.now(), false);
        Optional<String> sibling = suspensionBeside(url, purpose.get());
        if (!named.ok() || sibling.isEmpty()) {
            return named;
        }
        Outcome suspension = partnerBit(sibling.get(), StatusPurpose.SUSPENSION, index, issuer, presented.now(), true);
        return suspension.ok() ? Outcome.ok(StatusReason.ACTIVE, named.detail() + "; " + suspension.detail())
                               : suspension;
    }

    /**
     * Where an issuer of this software keeps its suspension list beside the revocation list a credential names:
     * a credential carries only one status entry (the 1EdTech schema allows one), so a suspension is published at the
     * same index of {@code …/suspension} next to {@code …/revocation}.
     */
    private static Optional<String> suspensionBeside(String url, StatusPurpose purpose) {
        String revocation = "/" + StatusPurpose.REVOCATION.value();
        if (purpose != StatusPurpose.REVOCATION || !url.endsWith(revocation)) {
            return Optional.empty();
        }
        return Optional.of(url.substring(0, url.length() - revocation.length()) + "/"
                           + StatusPurpose.SUSPENSION.value());
    }

    /** One of our lists, read locally; a revocation entry also stands for the suspension list beside it. */
    private Outcome ownBit(StatusListId listId, StatusPurpose purpose, int index, String url, String issuer) {
        if (listId.purpose() != purpose) {
            return invalid("the entry says " + purpose + ", but " + url + " is the " + listId.purpose() + " list");
        }
        String labIssuer = session.urls().issuer(listId.labId());
        if (!labIssuer.equals(issuer)) {
            return invalid("status list " + url + " is lab " + listId.labId() + "'s, not the issuer " + issuer + "'s");
        }
        Optional<StatusList> list = registry.list(listId);
        if (list.isEmpty()) {
            return invalid("status list " + url + " does not exist");
        }
        Outcome named = bit(list.get(), purpose, index, url);
        if (!named.ok() || purpose != StatusPurpose.REVOCATION) {
            return named;
        }
        StatusListId suspensions = new StatusListId(listId.labId(), StatusPurpose.SUSPENSION);
        String suspensionUrl = session.urls().statusList(suspensions);
        Optional<StatusList> suspended = registry.list(suspensions);
        if (suspended.isEmpty()) {
            return invalid("status list " + suspensionUrl + " does not exist");
        }
        Outcome suspension = bit(suspended.get(), StatusPurpose.SUSPENSION, index, suspensionUrl);
        return suspension.ok() ? Outcome.ok(StatusReason.ACTIVE, named.detail() + "; " + suspension.detail())
                               : suspension;
    }

    /**
     * A partner's list, fetched from its host and believed only once its own proof, issuer and purpose hold. Out of
     * reach, it is {@link StatusReason#UNAVAILABLE}, never "not revoked". A suspension list beside the named one
     * ({@code beside}) that the host says it does not have is no list to check: not every issuer publishes one.
     */
    private Outcome partnerBit(String url, StatusPurpose purpose, int index, String issuer, Instant now,
                               boolean beside) {
        String text;
        try {
            text = session.documents().statusList(url);
        } catch (FetchFailure e) {
            if (beside && e.notFound()) {
                return Outcome.ok(StatusReason.ACTIVE, "partner " + issuer + " publishes no suspension list at " + url);
            }
            return Outcome.failed(StatusReason.UNAVAILABLE, "the status list of partner " + issuer
                                                            + " could not be fetched: " + e.getMessage());
        }
        ObjectNode list;
        try {
            list = verifiedList(text.strip(), url, issuer);
        } catch (IllegalArgumentException e) {
            return invalid("the status list " + url + " is not to be believed: " + e.getMessage());
        }
        String refusal = listRefusal(list, url, issuer, purpose, now);
        if (refusal != null) {
            return invalid(refusal);
        }
        try {
            return bit(StatusList.decode(list.path("credentialSubject").path("encodedList").asText(null)), purpose,
                       index, url);
        } catch (IllegalArgumentException e) {
            return invalid("the status list " + url + " cannot be read: " + e.getMessage());
        }
    }

    private static Outcome invalid(String detail) {
        return Outcome.failed(StatusReason.INVALID, detail);
    }

    /** The list credential, once its proof (Data Integrity or VC-JWT) holds with the partner's own key. */
    private ObjectNode verifiedList(String text, String url, String issuer) {
        if (!text.startsWith("{")) {
            JwtCheck jwt = VcJwt.verify(text, session);
            if (!jwt.ok()) {
                throw new IllegalArgumentException(jwt.detail());
            }
            requirePartnersKey(jwt.keyId(), issuer);
            return jwt.credential();
        }
        ObjectNode list = CredentialJson.parseObject(text);
        List<String> problems = new ArrayList<>(new ContextPolicy(contexts).problems(list));
        if (problems.isEmpty()) {
            problems.addAll(SafeMode.violations(CredentialJson.toJakarta(list), contexts));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        ProofCheck proof = new EddsaRdfc2022(contexts).verify(list, session);
        if (!proof.ok()) {
            throw new IllegalArgumentException(session.refusal(String.valueOf(proof.verificationMethod()))
                                                       .orElse(proof.detail()));
        }
        requirePartnersKey(proof.verificationMethod(), issuer);
        return list;
    }

    private void requirePartnersKey(String method, String issuer) {
        boolean partners = session.partnerKey(method)
                .map(key -> issuer.equals(key.controller()) || key.controller() == null
                        && (method.startsWith(issuer + "/") || method.startsWith(issuer + "#")))
                .orElse(false);
        if (!partners) {
            throw new IllegalArgumentException("it is signed with " + method + ", which is not a key of " + issuer);
        }
    }

    private static String listRefusal(ObjectNode list, String url, String issuer, StatusPurpose purpose,
                                      Instant now) {
        if (!issuer.equals(CredentialFields.issuerId(list))) {
            return "the status list " + url + " is issued by " + CredentialFields.issuerId(list) + ", not by "
                   + issuer;
        }
        JsonNode types = list.path("type");
        boolean listType = types.isArray() ? contains(types, LIST_TYPE) : LIST_TYPE.equals(types.asText());
        if (!listType) {
            return "the document at " + url + " is not a " + LIST_TYPE;
        }
        String listPurpose = list.path("credentialSubject").path("statusPurpose").asText(null);
        if (!purpose.value().equals(listPurpose)) {
            return "the entry says " + purpose + ", but " + url + " is a " + listPurpose + " list";
        }
        String validUntil = CredentialFields.text(list, "validUntil");
        try {
            if (validUntil != null && !now.isBefore(OffsetDateTime.parse(validUntil).toInstant())) {
                return "the status list " + url + " expired at " + validUntil;
            }
        } catch (DateTimeParseException e) {
            return "the status list " + url + " has a validUntil that is not a date-time";
        }
        return null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Outcome bit(StatusList list, StatusPurpose purpose, int index, String url) {
        if (index >= list.size()) {
            return invalid("index " + index + " is outside status list " + url + " of " + list.size() + " entries");
        }
        if (list.get(index)) {
            String state = purpose == StatusPurpose.REVOCATION ? StatusReason.REVOKED : StatusReason.SUSPENDED;
            return Outcome.failed(state, state + ": bit " + index + " of " + url + " is set");
        }
        return Outcome.ok(StatusReason.ACTIVE, "not " + (purpose == StatusPurpose.REVOCATION ? "revoked" : "suspended")
                                               + ": bit " + index + " of " + url + " is clear");
    }

    /** The lab and purpose of one of our lists: {@code <base>/status-lists/<labId>/<purpose>}. */
    private Optional<StatusListId> ownList(String url) {
        String prefix = session.urls().base() + StatusListId.PATH;
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = url.substring(prefix.length()).split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            Optional<StatusPurpose> purpose = purpose(parts[1]);
            return purpose.map(value -> new StatusListId(LabId.of(parts[0]), value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<StatusPurpose> purpose(String value) {
        for (StatusPurpose purpose : StatusPurpose.values()) {
            if (purpose.value().equals(value)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }
}
