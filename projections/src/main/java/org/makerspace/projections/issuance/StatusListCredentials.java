package org.makerspace.projections.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.issuer.IssuerKey;
import org.makerspace.projections.credential.issuer.IssuerKeys;
import org.makerspace.projections.credential.issuer.IssuerSigningKey;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;
import org.makerspace.projections.credential.proof.EddsaRdfc2022;
import org.makerspace.projections.credential.proof.ProofOptions;
import org.makerspace.projections.status.BitstringStatusListCredential;
import org.makerspace.projections.status.StatusListId;
import org.makerspace.projections.status.StatusListRegistry;

/**
 * The signed status list credentials of the labs: the registry's BitstringStatusListCredential with the lab as
 * {@code issuer} and an eddsa-rdfc-2022 proof by the lab's newest key, dated at the list's last change (or at the
 * key's start, should the key be newer). Signing depends only on the list and the key, so the same list always gives
 * the same bytes; the last signed form of each list is kept in memory and signed again only when the list or the
 * key changes.
 */
public final class StatusListCredentials {

    private final StatusListRegistry registry;
    private final IssuerKeys keys;
    private final PublicUrls urls;
    private final EddsaRdfc2022 suite = new EddsaRdfc2022(BundledContexts.standard());
    private final Map<StatusListId, Signed> lastSigned = new ConcurrentHashMap<>();

    public StatusListCredentials(StatusListRegistry registry, IssuerKeys keys, PublicUrls urls) {
        this.registry = registry;
        this.keys = keys;
        this.urls = urls;
    }

    /** The signed list credential as JSON, or empty when the lab has no list (no award yet) or no key. */
    public Optional<String> signed(StatusListId listId) {
        Optional<BitstringStatusListCredential> body = registry.statusListCredential(listId, urls.base());
        List<IssuerKey> labKeys = keys.keysOf(listId.labId());
        if (body.isEmpty() || labKeys.isEmpty()) {
            return Optional.empty();
        }
        IssuerKey key = labKeys.get(labKeys.size() - 1);
        Signed known = lastSigned.get(listId);
        if (known != null && known.body().equals(body.get()) && known.keyId().equals(key.keyId())) {
            return Optional.of(known.json());
        }
        String json = sign(body.get(), keys.signingKey(key.keyId()));
        lastSigned.put(listId, new Signed(body.get(), key.keyId(), json));
        return Optional.of(json);
    }

    private String sign(BitstringStatusListCredential body, IssuerSigningKey key) {
        ObjectNode unsigned = CredentialJson.object();
        body.context().forEach(unsigned.putArray("@context")::add);
        unsigned.put("id", body.id());
        body.type().forEach(unsigned.putArray("type")::add);
        unsigned.put("issuer", urls.issuer(key.key().labId()));
        unsigned.put("validFrom", body.validFrom());
        ObjectNode subject = unsigned.putObject("credentialSubject");
        subject.put("id", body.credentialSubject().id());
        subject.put("type", body.credentialSubject().type());
        subject.put("statusPurpose", body.credentialSubject().statusPurpose());
        subject.put("encodedList", body.credentialSubject().encodedList());
        Instant changedAt = Instant.parse(body.validFrom());
        Instant created = key.key().validFrom().isAfter(changedAt) ? key.key().validFrom() : changedAt;
        return CredentialJson.write(suite.sign(unsigned, ProofOptions.assertion(key.verificationMethod(urls), created),
                                               key.signingKey()));
    }

    private record Signed(BitstringStatusListCredential body, String keyId, String json) {
    }
}
