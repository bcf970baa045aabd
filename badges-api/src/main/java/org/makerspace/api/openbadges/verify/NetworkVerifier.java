package org.makerspace.api.openbadges.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.ob3.Check;
import org.makerspace.projections.credential.ob3.CredentialVerifier;
import org.makerspace.projections.credential.ob3.IssuerTrust;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.credential.ob3.VerificationReport;
import org.makerspace.projections.credential.proof.KeyResolver;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.trust.FindPartnerIssuer;
import org.makerspace.projections.trust.PartnerIssuer;
import org.makerspace.projections.trust.TrustedPartnersProjection;

/**
 * Verifies a presented credential against the lab network: {@link CredentialVerifier}'s checks, with keys resolved
 * and status and issuer trust decided as {@code package-info} describes. Each verification gets a session of its
 * own, bound to the issuer the credential claims; nothing in it outlives the call but the partner document caches.
 */
public final class NetworkVerifier {

    private final PublicUrls urls;
    private final KeyResolver ownKeys;
    private final VerificationHook ownLabs;
    private final StatusListRegistry statusLists;
    private final TrustedPartnersProjection trust;
    private final PartnerDocuments documents;
    private final BundledContexts contexts = BundledContexts.standard();

    NetworkVerifier(PublicUrls urls, IssuerKeys keys, StatusListRegistry statusLists, TrustedPartnersProjection trust,
                    PartnerDocuments documents) {
        this.urls = urls;
        this.ownKeys = keys.resolver(urls);
        this.ownLabs = IssuerTrust.ownLabs(keys, urls);
        this.statusLists = statusLists;
        this.trust = trust;
        this.documents = documents;
    }

    public VerificationReport verify(PresentedCredential presented, Instant now) {
        String claimedIssuer = CredentialFields.claimedIssuer(presented);
        PartnerIssuer partner = claimedIssuer == null ? new PartnerIssuer("", List.of())
                : trust.find(new FindPartnerIssuer(claimedIssuer));
        VerificationSession session = new VerificationSession(claimedIssuer, partner, urls, ownKeys, documents);
        MethodSeen seen = new MethodSeen();
        CredentialVerifier verifier = new CredentialVerifier(
                session, new NetworkStatus(session, statusLists, contexts),
                seen.then(new NetworkIssuerTrust(session, ownLabs)));
        VerificationReport report = presented.isJwt() ? verifier.verifyJwt(presented.text(), now)
                : verifier.verifyJsonLd(presented.text(), now);
        return explainRefusedKey(report, session, seen.method);
    }

    /**
     * The status check alone, as {@link #verify} runs it, for a credential of this issuer naming these status list
     * entries: for following, after an import, what the issuer says of a credential whose proof was checked then.
     * The same rules decide (the lists' own proofs, issuers and purposes; a suspension list beside a revocation list;
     * out of reach is {@code unavailable}, never "not revoked"), so a credential followed here and one presented to
     * {@code POST /api/verify} are judged alike.
     */
    public VerificationHook.Outcome status(String issuerId, List<CredentialStatusEntry> entries, Instant now) {
        PartnerIssuer partner = trust.find(new FindPartnerIssuer(issuerId));
        VerificationSession session = new VerificationSession(issuerId, partner, urls, ownKeys, documents);
        ObjectNode credential = JsonNodeFactory.instance.objectNode();
        credential.put("issuer", issuerId);
        credential.set("credentialStatus", CredentialStatusEntries.toJson(entries));
        return new NetworkStatus(session, statusLists, contexts)
                .check(new VerificationHook.Presented(credential, null, now));
    }

    /**
     * A key the session refused to fetch fails the signature as an "unknown verification method"; the answer says
     * instead why it was not fetched.
     */
    private static VerificationReport explainRefusedKey(VerificationReport report, VerificationSession session,
                                                        String method) {
        Check signature = report.check(Check.SIGNATURE);
        if (signature.ok() || method == null || session.refusal(method).isEmpty()) {
            return report;
        }
        List<Check> checks = new ArrayList<>();
        for (Check check : report.checks()) {
            checks.add(check == signature ? new Check(Check.SIGNATURE, false, session.refusal(method).get()) : check);
        }
        return new VerificationReport(report.format(), checks, report.credential());
    }

    /** Remembers the verification method the proof named, as the hooks are told it. */
    private static final class MethodSeen {

        private String method;

        VerificationHook then(VerificationHook hook) {
            return presented -> {
                method = presented.verificationMethod();
                return hook.check(presented);
            };
        }
    }
}
