package org.makerspace.projections.credential.proof;

import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.makerspace.projections.credential.jsonld.CanonicalizationException;
import org.makerspace.projections.credential.jsonld.Canonicalizer;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * The Data Integrity cryptosuite eddsa-rdfc-2022 (W3C "Data Integrity EdDSA Cryptosuites v1.0"). To sign: the
 * proof options, given the document's {@code @context}, and the document without its proof are each canonicalised
 * with RDFC-1.0 and hashed with SHA-256; the Ed25519 signature of the two hashes (options first) is the proof value,
 * in base58-btc. The proof is emitted as an array of one, the form the Open Badges JSON schema requires.
 */
public final class EddsaRdfc2022 {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String CRYPTOSUITE = "eddsa-rdfc-2022";

    private final Canonicalizer canonicalizer;

    public EddsaRdfc2022(DocumentLoader loader) {
        this.canonicalizer = new Canonicalizer(loader);
    }

    /** A copy of the unsecured document with a {@code proof} array holding this key's proof. */
    public ObjectNode sign(ObjectNode unsecured, ProofOptions options, Ed25519SigningKey key) {
        if (unsecured.has("proof")) {
            throw new IllegalArgumentException("the document already has a proof; adding to a proof set is not supported");
        }
        ObjectNode proof = proofOptions(options);
        byte[] signature = key.sign(hashData(canonicalProofConfig(proof, unsecured.get("@context")),
                                             canonicalDocument(unsecured)));
        proof.put("proofValue", Multikey.base58btc(signature));
        ObjectNode secured = unsecured.deepCopy();
        secured.putArray("proof").add(proof);
        return secured;
    }

    /** Checks every proof of the document (at least one) with the key its verification method resolves to. */
    public ProofCheck verify(ObjectNode secured, KeyResolver keys) {
        JsonNode proofs = secured.get("proof");
        List<JsonNode> each = new ArrayList<>();
        if (proofs == null || proofs.isNull() || (proofs.isArray() && proofs.isEmpty())) {
            return ProofCheck.failed("the credential has no proof", null);
        }
        if (proofs.isArray()) {
            proofs.forEach(each::add);
        } else {
            each.add(proofs);
        }
        ObjectNode unsecured = secured.deepCopy();
        unsecured.remove("proof");
        ProofCheck last = null;
        for (JsonNode proof : each) {
            last = verifyOne(proof, unsecured, keys);
            if (!last.ok()) {
                return last;
            }
        }
        return last;
    }

    private ProofCheck verifyOne(JsonNode proofNode, ObjectNode unsecured, KeyResolver keys) {
        if (!proofNode.isObject()) {
            return ProofCheck.failed("a proof is not a JSON object", null);
        }
        ObjectNode proof = (ObjectNode) proofNode;
        String method = text(proof, "verificationMethod");
        if (!PROOF_TYPE.equals(text(proof, "type")) || !CRYPTOSUITE.equals(text(proof, "cryptosuite"))) {
            return ProofCheck.failed("unsupported proof: type " + text(proof, "type") + ", cryptosuite "
                                     + text(proof, "cryptosuite") + " (only " + CRYPTOSUITE + " is verified)", method);
        }
        if (!ProofOptions.ASSERTION_METHOD.equals(text(proof, "proofPurpose"))) {
            return ProofCheck.failed("the proof purpose is " + text(proof, "proofPurpose") + ", not assertionMethod", method);
        }
        if (proof.has("@context") && !proof.get("@context").equals(unsecured.get("@context"))) {
            return ProofCheck.failed("the proof has an @context of its own that differs from the credential's", method);
        }
        if (method == null) {
            return ProofCheck.failed("the proof names no verification method", null);
        }
        byte[] signature;
        try {
            signature = Multikey.fromBase58btc(text(proof, "proofValue"));
        } catch (IllegalArgumentException e) {
            return ProofCheck.failed("the proof value is " + e.getMessage(), method);
        }
        Optional<Ed25519PublicKey> key = keys.resolve(method);
        if (key.isEmpty()) {
            return ProofCheck.failed("unknown verification method " + method, method);
        }
        ObjectNode config = proof.deepCopy();
        config.remove("proofValue");
        config.remove("@context");
        byte[] hashData;
        try {
            hashData = hashData(canonicalProofConfig(config, unsecured.get("@context")), canonicalDocument(unsecured));
        } catch (CanonicalizationException e) {
            return ProofCheck.failed("the credential cannot be canonicalised: " + e.getMessage(), method);
        }
        if (signature.length != 64 || !key.get().verifies(hashData, signature)) {
            return ProofCheck.failed("the Ed25519 signature does not match the credential for key " + method, method);
        }
        return new ProofCheck(true, CRYPTOSUITE + " proof verified with " + method, method);
    }

    /** The canonical N-Quads of the document without its proof. */
    public String canonicalDocument(ObjectNode unsecured) {
        ObjectNode copy = unsecured.deepCopy();
        copy.remove("proof");
        return canonicalizer.canonicalize(CredentialJson.toJakarta(copy));
    }

    /** The canonical N-Quads of the proof options (without a proof value) under the document's {@code @context}. */
    public String canonicalProofConfig(ObjectNode proofOptions, JsonNode documentContext) {
        ObjectNode config = proofOptions.deepCopy();
        config.remove("proofValue");
        if (documentContext != null) {
            config.set("@context", documentContext.deepCopy());
        }
        return canonicalizer.canonicalize(CredentialJson.toJakarta(config));
    }

    /** SHA-256 of the canonical proof options followed by SHA-256 of the canonical document: what is signed. */
    public static byte[] hashData(String canonicalProofConfig, String canonicalDocument) {
        byte[] proofHash = sha256(canonicalProofConfig);
        byte[] documentHash = sha256(canonicalDocument);
        byte[] both = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, both, 0, proofHash.length);
        System.arraycopy(documentHash, 0, both, proofHash.length, documentHash.length);
        return both;
    }

    /** The proof options as the proof object begins, in the order the specification's examples use. */
    public static ObjectNode proofOptions(ProofOptions options) {
        ObjectNode proof = CredentialJson.object();
        proof.put("type", PROOF_TYPE);
        proof.put("cryptosuite", CRYPTOSUITE);
        proof.put("created", options.created().toString());
        proof.put("verificationMethod", options.verificationMethod());
        proof.put("proofPurpose", options.proofPurpose());
        return proof;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
