package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.ContextPolicy;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jsonld.SafeMode;
import org.makerspace.projections.credential.jwt.JwtCheck;
import org.makerspace.projections.credential.jwt.VcJwt;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.KeyResolver;
import org.makerspace.projections.credential.proof.ProofCheck;

/**
 * Verifies an OpenBadgeCredential, as JSON-LD with an eddsa-rdfc-2022 proof or as a compact VC-JWT, into named
 * checks. Nothing is fetched: keys come from the caller's {@link KeyResolver}, contexts only from the bundle, and
 * status and issuer trust from the caller's hooks. A check that cannot run because an earlier one failed fails too,
 * saying which one; the earlier check carries the reason.
 */
public final class CredentialVerifier {

    private final KeyResolver keys;
    private final VerificationHook status;
    private final VerificationHook issuerTrusted;
    private final BundledContexts contexts;
    private final ContextPolicy contextPolicy;
    private final EddsaRdfc2022 suite;

    public CredentialVerifier(KeyResolver keys, VerificationHook status, VerificationHook issuerTrusted) {
        this(keys, status, issuerTrusted, BundledContexts.standard());
    }

    CredentialVerifier(KeyResolver keys, VerificationHook status, VerificationHook issuerTrusted,
                       BundledContexts contexts) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.status = Objects.requireNonNull(status, "status");
        this.issuerTrusted = Objects.requireNonNull(issuerTrusted, "issuerTrusted");
        this.contexts = contexts;
        this.contextPolicy = new ContextPolicy(contexts);
        this.suite = new EddsaRdfc2022(contexts);
    }

    /** Verifies a credential as presented: a JSON object is read as JSON-LD, anything else as a compact JWT. */
    public VerificationReport verify(String presented, Instant now) {
        return presented.stripLeading().startsWith("{") ? verifyJsonLd(presented, now) : verifyJwt(presented, now);
    }

    public VerificationReport verifyJsonLd(String json, Instant now) {
        ObjectNode credential;
        try {
            credential = CredentialJson.parseObject(json);
        } catch (IllegalArgumentException e) {
            return unreadable(VerificationReport.JSON_LD, "the credential is " + e.getMessage());
        }
        Check contextsCheck = contexts(credential);
        Check safeMode = contextsCheck.ok() ? safeMode(credential)
                : Check.failed(Check.SAFE_MODE, "not checked: the contexts were refused");
        Check signature;
        String method = null;
        if (!contextsCheck.ok() || !safeMode.ok()) {
            signature = Check.failed(Check.SIGNATURE, "not verified: the credential cannot be canonicalised safely (see "
                                                      + (contextsCheck.ok() ? Check.SAFE_MODE : Check.CONTEXTS) + ")");
        } else {
            ProofCheck proof = suite.verify(credential, keys);
            method = proof.verificationMethod();
            signature = new Check(Check.SIGNATURE, proof.ok(), proof.detail());
        }
        return report(VerificationReport.JSON_LD, credential, method, now, signature, contextsCheck, safeMode);
    }

    public VerificationReport verifyJwt(String compact, Instant now) {
        JwtCheck jwt = VcJwt.verify(compact, keys);
        if (jwt.credential() == null) {
            return unreadable(VerificationReport.JWT, jwt.detail());
        }
        ObjectNode credential = jwt.credential();
        Check signature = new Check(Check.SIGNATURE, jwt.ok(), jwt.detail());
        Check contextsCheck = contexts(credential);
        Check safeMode = contextsCheck.ok() ? safeMode(credential)
                : Check.failed(Check.SAFE_MODE, "not checked: the contexts were refused");
        return report(VerificationReport.JWT, credential, jwt.keyId(), now, signature, contextsCheck, safeMode);
    }

    private VerificationReport report(String format, ObjectNode credential, String method, Instant now,
                                      Check signature, Check contextsCheck, Check safeMode) {
        List<Check> checks = new ArrayList<>();
        checks.add(signature);
        checks.add(contextsCheck);
        checks.add(safeMode);
        checks.add(schema(credential));
        checks.add(validity(credential, now));
        VerificationHook.Presented presented = new VerificationHook.Presented(credential.deepCopy(), method, now);
        checks.add(hook(Check.STATUS, status, presented));
        checks.add(hook(Check.ISSUER_TRUSTED, issuerTrusted, presented));
        return new VerificationReport(format, checks, credential);
    }

    private Check contexts(ObjectNode credential) {
        List<String> problems = new ArrayList<>(contextPolicy.problems(credential));
        JsonNode context = credential.get("@context");
        JsonNode first = context != null && context.isArray() ? context.get(0) : context;
        if (first == null || !OpenBadgeCredentialBuilder.VC_CONTEXT.equals(first.asText())) {
            problems.add("the first @context must be " + OpenBadgeCredentialBuilder.VC_CONTEXT);
        }
        return problems.isEmpty()
                ? Check.passed(Check.CONTEXTS, "every context is bundled: " + context)
                : Check.failed(Check.CONTEXTS, String.join("; ", problems));
    }

    private Check safeMode(ObjectNode credential) {
        List<String> violations = SafeMode.violations(CredentialJson.toJakarta(credential), contexts);
        return violations.isEmpty()
                ? Check.passed(Check.SAFE_MODE, "every term and type is defined by the contexts")
                : Check.failed(Check.SAFE_MODE, String.join("; ", violations));
    }

    private static Check schema(ObjectNode credential) {
        List<String> errors = OpenBadgesSchema.errors(credential);
        return errors.isEmpty()
                ? Check.passed(Check.SCHEMA, "valid against the Open Badges 3.0 AchievementCredential schema")
                : Check.failed(Check.SCHEMA, String.join("; ", errors));
    }

    private static Check validity(ObjectNode credential, Instant now) {
        Instant validFrom;
        Instant validUntil;
        try {
            validFrom = instant(credential.get("validFrom"));
            validUntil = instant(credential.get("validUntil"));
        } catch (DateTimeParseException e) {
            return Check.failed(Check.VALIDITY, "a validity date is not an RFC 3339 date-time: " + e.getParsedString());
        }
        if (validFrom == null) {
            return Check.failed(Check.VALIDITY, "the credential has no validFrom");
        }
        if (now.isBefore(validFrom)) {
            return Check.failed(Check.VALIDITY, "not valid yet: valid from " + validFrom + ", checked at " + now);
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return Check.failed(Check.VALIDITY, "expired: valid until " + validUntil + ", checked at " + now);
        }
        return Check.passed(Check.VALIDITY, "valid from " + validFrom
                                            + (validUntil == null ? " with no end" : " until " + validUntil)
                                            + ", checked at " + now);
    }

    private static Check hook(String name, VerificationHook hook, VerificationHook.Presented presented) {
        VerificationHook.Outcome outcome;
        try {
            outcome = hook.check(presented);
        } catch (RuntimeException e) {
            return Check.failed(name, "the " + name + " check failed to run: " + e.getMessage());
        }
        if (outcome == null) {
            return Check.failed(name, "the " + name + " check gave no outcome");
        }
        return new Check(name, outcome.ok(), outcome.detail(), outcome.reason());
    }

    private static VerificationReport unreadable(String format, String reason) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.failed(Check.SIGNATURE, reason));
        for (String name : List.of(Check.CONTEXTS, Check.SAFE_MODE, Check.SCHEMA, Check.VALIDITY, Check.STATUS,
                                   Check.ISSUER_TRUSTED)) {
            checks.add(Check.failed(name, "not checked: the credential could not be read"));
        }
        return new VerificationReport(format, checks, null);
    }

    private static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return OffsetDateTime.parse(value.asText()).toInstant();
    }
}
