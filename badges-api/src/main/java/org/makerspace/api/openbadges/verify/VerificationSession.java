package org.makerspace.api.openbadges.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;
import org.makerspace.projections.credential.proof.KeyResolver;
import org.makerspace.projections.trust.PartnerIssuer;

/**
 * The key resolution of one verification, bound to the issuer the credential claims. A key of one of our labs is
 * read locally, a {@code did:key} from its own identifier; a key anywhere else is fetched only when the claimed
 * issuer is a trusted partner and the key lives on the partner's own host. What was refused, and which partner keys
 * were found (with their controllers), is kept for the checks that follow.
 */
final class VerificationSession implements KeyResolver {

    private final String claimedIssuer;
    private final PartnerIssuer partner;
    private final PublicUrls urls;
    private final KeyResolver ownKeys;
    private final PartnerDocuments documents;
    private final Map<String, String> refusals = new HashMap<>();
    private final Map<String, PartnerKey> partnerKeys = new HashMap<>();

    VerificationSession(String claimedIssuer, PartnerIssuer partner, PublicUrls urls, KeyResolver ownKeys,
                        PartnerDocuments documents) {
        this.claimedIssuer = claimedIssuer;
        this.partner = partner;
        this.urls = urls;
        this.ownKeys = ownKeys;
        this.documents = documents;
    }

    @Override
    public Optional<Ed25519PublicKey> resolve(String verificationMethod) {
        if (verificationMethod == null) {
            return Optional.empty();
        }
        if (isOurs(verificationMethod)) {
            return ownKeys.resolve(verificationMethod);
        }
        if (DidKeys.isDidKey(verificationMethod)) {
            return DidKeys.resolve(verificationMethod);
        }
        if (!partnerTrusted()) {
            return refuse(verificationMethod, "issuer not trusted, key not fetched: "
                    + (claimedIssuer == null ? "the credential names no issuer"
                            : claimedIssuer + " is neither one of our labs nor a partner one of our labs declared")
                    + ", so " + verificationMethod + " was not fetched");
        }
        if (!Origins.sameOrigin(verificationMethod, claimedIssuer)) {
            return refuse(verificationMethod, "key not fetched: " + verificationMethod
                    + " is not on the host of partner " + claimedIssuer);
        }
        try {
            PartnerKey key = documents.key(verificationMethod);
            partnerKeys.put(verificationMethod, key);
            return Optional.of(key.publicKey());
        } catch (FetchFailure e) {
            return refuse(verificationMethod, "the key of partner " + claimedIssuer + " could not be fetched: "
                    + e.getMessage());
        }
    }

    /** Whether the verification method is published under our base URL: a key of one of our labs. */
    boolean isOurs(String verificationMethod) {
        return verificationMethod != null && verificationMethod.startsWith(urls.base() + "/");
    }

    /** Whether the URL is on the host of the claimed issuer, which is a trusted partner. */
    boolean onTrustedPartnersHost(String url) {
        return partnerTrusted() && Origins.sameOrigin(url, claimedIssuer);
    }

    boolean partnerTrusted() {
        return claimedIssuer != null && partner.trusted();
    }

    String claimedIssuer() {
        return claimedIssuer;
    }

    PartnerIssuer partner() {
        return partner;
    }

    PartnerDocuments documents() {
        return documents;
    }

    PublicUrls urls() {
        return urls;
    }

    /** Why the key of this verification method was not used, if it was refused. */
    Optional<String> refusal(String verificationMethod) {
        return Optional.ofNullable(refusals.get(verificationMethod));
    }

    /** The partner key found for this verification method, if one was fetched in this verification. */
    Optional<PartnerKey> partnerKey(String verificationMethod) {
        return Optional.ofNullable(partnerKeys.get(verificationMethod));
    }

    private Optional<Ed25519PublicKey> refuse(String verificationMethod, String reason) {
        refusals.put(verificationMethod, reason);
        return Optional.empty();
    }
}
