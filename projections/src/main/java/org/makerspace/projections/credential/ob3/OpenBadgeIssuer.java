package org.makerspace.projections.credential.ob3;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.jsonld.SafeMode;
import org.makerspace.projections.credential.jwt.VcJwt;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.ProofOptions;

/**
 * Issues signed OpenBadgeCredentials: as JSON-LD with an embedded eddsa-rdfc-2022 proof, or as a VC-JWT. The result
 * depends only on the request and the key: the proof's {@code created} is the credential's {@code validFrom}, or the
 * key's own start when the key is newer (a key cannot have signed before it existed), never the clock.
 */
public final class OpenBadgeIssuer {

    private final PublicUrls urls;
    private final BundledContexts contexts;
    private final OpenBadgeCredentialBuilder builder = new OpenBadgeCredentialBuilder();
    private final EddsaRdfc2022 suite;

    public OpenBadgeIssuer(PublicUrls urls) {
        this(urls, BundledContexts.standard());
    }

    OpenBadgeIssuer(PublicUrls urls, BundledContexts contexts) {
        this.urls = urls;
        this.contexts = contexts;
        this.suite = new EddsaRdfc2022(contexts);
    }

    /** The credential with its Data Integrity proof, as JSON. */
    public String signDataIntegrity(CredentialRequest request, IssuerSigningKey key) {
        ObjectNode unsigned = unsigned(request, key);
        ProofOptions options = ProofOptions.assertion(key.verificationMethod(urls), created(request, key));
        return CredentialJson.write(suite.sign(unsigned, options, key.signingKey()));
    }

    /** The credential as a compact VC-JWT whose {@code kid} is the key's verification method. */
    public String signJwt(CredentialRequest request, IssuerSigningKey key) {
        return VcJwt.sign(unsigned(request, key), key.verificationMethod(urls), key.signingKey());
    }

    private ObjectNode unsigned(CredentialRequest request, IssuerSigningKey key) {
        if (!key.key().labId().equals(request.award().labId())) {
            throw new IllegalArgumentException("award " + request.award().awardId() + " was made by lab "
                                               + request.award().labId() + ", but key " + key.key().keyId()
                                               + " belongs to lab " + key.key().labId());
        }
        ObjectNode credential = builder.build(request);
        List<String> violations = SafeMode.violations(CredentialJson.toJakarta(credential), contexts);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the credential of award " + request.award().awardId()
                                               + " would not be JSON-LD safe: " + String.join("; ", violations));
        }
        return credential;
    }

    private static Instant created(CredentialRequest request, IssuerSigningKey key) {
        Instant validFrom = request.validity().validFrom();
        return key.key().validFrom().isAfter(validFrom) ? key.key().validFrom() : validFrom;
    }
}
