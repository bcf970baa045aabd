package org.makerspace.api.openbadges.verify;

import java.util.Optional;
import java.util.stream.Collectors;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.trust.TrustingLab;

/**
 * The issuer-trust check of the lab network: a key of one of our labs vouches for that lab only ({@code
 * IssuerTrust.ownLabs}); any other issuer must be a partner that at least one of our labs declared, and the key that
 * signed must be the partner's own (its verification method document names the issuer as controller, or the method
 * lives under the issuer's id).
 */
final class NetworkIssuerTrust implements VerificationHook {

    private final VerificationSession session;
    private final VerificationHook ownLabs;

    NetworkIssuerTrust(VerificationSession session, VerificationHook ownLabs) {
        this.session = session;
        this.ownLabs = ownLabs;
    }

    @Override
    public Outcome check(Presented presented) {
        String method = presented.verificationMethod();
        if (method == null) {
            return Outcome.failed("the proof names no verification method");
        }
        if (session.isOurs(method)) {
            return ownLabs.check(presented);
        }
        String issuer = CredentialFields.issuerId(presented.credential());
        if (issuer == null) {
            return Outcome.failed("the credential names no issuer");
        }
        if (!issuer.equals(session.claimedIssuer()) || !session.partnerTrusted()) {
            return Outcome.failed("issuer " + issuer + " is neither one of our labs nor a partner one of our labs "
                                  + "declared");
        }
        Optional<PartnerKey> key = session.partnerKey(method);
        if (key.isEmpty()) {
            return Outcome.failed("issuer " + issuer + " is a partner, but its key " + method + " was not found"
                                  + session.refusal(method).map(reason -> ": " + reason).orElse(""));
        }
        if (!controls(issuer, key.get())) {
            return Outcome.failed("key " + method + " is controlled by " + key.get().controller()
                                  + ", not by the issuer " + issuer);
        }
        String labs = session.partner().trustedBy().stream().map(TrustingLab::labId).map(Object::toString)
                .collect(Collectors.joining(", "));
        return Outcome.ok("issuer " + issuer + " is a partner of lab " + labs + ", and key " + method + " is its own");
    }

    private static boolean controls(String issuer, PartnerKey key) {
        if (key.controller() != null) {
            return key.controller().equals(issuer);
        }
        String method = key.verificationMethod();
        return method.startsWith(issuer + "/") || method.startsWith(issuer + "#");
    }
}
