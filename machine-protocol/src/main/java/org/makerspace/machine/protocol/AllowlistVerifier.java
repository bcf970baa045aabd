package org.makerspace.machine.protocol;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.text.ParseException;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.makerspace.machine.protocol.AllowlistRejected.Reason;

/**
 * What a controller checks before it trusts a signed allowlist, offline: a compact JWS of type
 * {@value AllowlistJws#TYPE}, EdDSA, signed by one of its lab's keys, for this very machine, not expired. The
 * signature is checked by the JDK's Ed25519, and before the payload is read.
 */
public final class AllowlistVerifier {

    private static final Set<String> ALLOWED_HEADERS = Set.of("alg", "typ", "kid");

    private final LabKeys keys;

    public AllowlistVerifier(LabKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The allowlist, when {@code compact} is a genuine, current list of {@code machineId} at {@code now}. */
    public Allowlist verify(String compact, String machineId, Instant now) throws AllowlistRejected {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.strip());
        } catch (ParseException e) {
            throw new AllowlistRejected(Reason.MALFORMED, "not a compact JWS: " + e.getMessage());
        }
        JWSHeader header = jws.getHeader();
        checkHeader(header);
        PublicKey key = keys.find(header.getKeyID()).orElseThrow(() -> new AllowlistRejected(
                Reason.UNKNOWN_KEY, "signed with " + header.getKeyID() + ", which is not a key of this lab we hold"));
        if (!signatureHolds(key, jws)) {
            throw new AllowlistRejected(Reason.BAD_SIGNATURE, "the signature does not match the document for key "
                                                              + header.getKeyID());
        }
        Allowlist allowlist;
        try {
            allowlist = Allowlist.fromJson(jws.getPayload().toString());
        } catch (IllegalArgumentException e) {
            throw new AllowlistRejected(Reason.MALFORMED, "the payload is not an allowlist: " + e.getMessage());
        }
        if (!allowlist.machineId().equals(machineId)) {
            throw new AllowlistRejected(Reason.OTHER_MACHINE, "the allowlist is machine " + allowlist.machineId()
                                                              + "'s, not " + machineId + "'s");
        }
        if (!now.isBefore(allowlist.expiresAt())) {
            throw new AllowlistRejected(Reason.EXPIRED, "the allowlist expired at " + allowlist.expiresAt()
                                                        + "; it is " + now);
        }
        return allowlist;
    }

    private static void checkHeader(JWSHeader header) throws AllowlistRejected {
        if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
            throw new AllowlistRejected(Reason.NOT_AN_ALLOWLIST, "the algorithm is " + header.getAlgorithm()
                                                                 + ", not EdDSA");
        }
        if (!AllowlistJws.JOSE_TYPE.equals(header.getType())) {
            throw new AllowlistRejected(Reason.NOT_AN_ALLOWLIST, "the typ is " + header.getType() + ", not "
                                                                 + AllowlistJws.TYPE);
        }
        for (String name : header.getIncludedParams()) {
            if (!ALLOWED_HEADERS.contains(name)) {
                throw new AllowlistRejected(Reason.NOT_AN_ALLOWLIST, "the header has '" + name
                                                                     + "'; only alg, typ and kid are accepted");
            }
        }
        if (header.getKeyID() == null) {
            throw new AllowlistRejected(Reason.NOT_AN_ALLOWLIST, "the header names no key (kid)");
        }
    }

    private static boolean signatureHolds(PublicKey key, JWSObject jws) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(jws.getSigningInput());
            return verifier.verify(jws.getSignature().decode());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
