package org.makerspace.projections.credential.ob3;

import java.util.Optional;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;

/**
 * The issuer-trust hook for credentials of this installation: the proof's verification method must be one of our
 * labs' keys, published under our base URL, and the credential's issuer must be the profile of that key's lab. A key
 * of one lab therefore never vouches for a credential that names another lab (or anyone else) as its issuer.
 */
public final class IssuerTrust {

    private IssuerTrust() {
    }

    public static VerificationHook ownLabs(IssuerKeys keys, PublicUrls urls) {
        return presented -> {
            String method = presented.verificationMethod();
            Optional<IssuerKey> key = keys.findByVerificationMethod(urls, method);
            if (key.isEmpty()) {
                return VerificationHook.Outcome.failed("the verification method " + method + " is not a key of our labs");
            }
            String issuer = presented.credential().path("issuer").isTextual()
                    ? presented.credential().get("issuer").asText()
                    : presented.credential().path("issuer").path("id").asText(null);
            String expected = urls.issuer(key.get().labId());
            return expected.equals(issuer)
                    ? VerificationHook.Outcome.ok("issued by lab " + key.get().labId() + " with its key "
                                                  + key.get().keyId())
                    : VerificationHook.Outcome.failed("the credential names issuer " + issuer + ", but key "
                                                      + key.get().keyId() + " belongs to " + expected);
        };
    }
}
