package org.makerspace.projections.credential.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.makerspace.projections.credential.jsonld.BundledContexts;
import org.makerspace.projections.credential.jsonld.CredentialJson;

/**
 * The eddsa-rdfc-2022 test vector of the W3C "Data Integrity EdDSA Cryptosuites v1.0" specification (section
 * "Representation: eddsa-rdfc-2022"), reproduced byte for byte: its key pair, unsecured credential, proof options,
 * canonical forms, hashes and final proof value are transcribed below.
 */
class EddsaRdfc2022TestVectorTest {

    private static final String PUBLIC_KEY = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String PRIVATE_KEY = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    private static final String METHOD = "did:key:" + PUBLIC_KEY + "#" + PUBLIC_KEY;

    /** The specification's examples context maps every term into its examples vocabulary; authored here. */
    private static final String EXAMPLES_CONTEXT_URL = "https://www.w3.org/ns/credentials/examples/v2";
    private static final String EXAMPLES_CONTEXT = """
            {"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}""";

    private static final String UNSECURED = """
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
              "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
              "type": ["VerifiableCredential", "AlumniCredential"],
              "name": "Alumni Credential",
              "description": "A minimum viable example of an Alumni Credential.",
              "issuer": "https://vc.example/issuers/5678",
              "validFrom": "2023-01-01T00:00:00Z",
              "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"}
            }""";

    private static final String CANONICAL_DOCUMENT = """
            <did:example:abcdefgh> <https://www.w3.org/ns/credentials/examples#alumniOf> "The School of Examples" .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#VerifiableCredential> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/ns/credentials/examples#AlumniCredential> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/description> "A minimum viable example of an Alumni Credential." .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/name> "Alumni Credential" .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#credentialSubject> <did:example:abcdefgh> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#issuer> <https://vc.example/issuers/5678> .
            <urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#validFrom> "2023-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            """;
    private static final String DOCUMENT_HASH = "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017";

    private static final String CANONICAL_PROOF_CONFIG = """
            _:c14n0 <http://purl.org/dc/terms/created> "2023-02-24T23:36:38Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .
            _:c14n0 <https://w3id.org/security#cryptosuite> "eddsa-rdfc-2022"^^<https://w3id.org/security#cryptosuiteString> .
            _:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .
            _:c14n0 <https://w3id.org/security#verificationMethod> <did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .
            """;
    private static final String PROOF_HASH = "bea7b7acfbad0126b135104024a5f1733e705108f42d59668b05c0c50004c6b0";
    private static final String SIGNATURE_HEX = "4d8e53c2d5b3f2a7891753eb16ca993325bdb0d3cfc5be1093d0a18426f5ef85"
                                                + "78cadc0fd4b5f4dd0d1ce0aefd15ab120b7a894d0eb094ffda4e6553cd1ed50d";
    private static final String PROOF_VALUE =
            "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme";

    private static final ProofOptions OPTIONS = ProofOptions.assertion(METHOD, Instant.parse("2023-02-24T23:36:38Z"));

    private final EddsaRdfc2022 suite =
            new EddsaRdfc2022(BundledContexts.standard().with(EXAMPLES_CONTEXT_URL, EXAMPLES_CONTEXT));
    private final Ed25519SigningKey key = Ed25519SigningKey.fromMultibase(PRIVATE_KEY);
    private final ObjectNode unsecured = CredentialJson.parseObject(UNSECURED);

    @Test
    void privateKeyYieldsThePublishedPublicKey() {
        assertThat(key.publicKey().multibase()).isEqualTo(PUBLIC_KEY);
    }

    @Test
    void canonicalDocumentAndItsHashMatchTheVector() {
        String canonical = suite.canonicalDocument(unsecured);

        assertThat(canonical).isEqualTo(CANONICAL_DOCUMENT);
        assertThat(hex(EddsaRdfc2022.sha256(canonical))).isEqualTo(DOCUMENT_HASH);
    }

    @Test
    void canonicalProofOptionsAndTheirHashMatchTheVector() {
        String canonical = suite.canonicalProofConfig(EddsaRdfc2022.proofOptions(OPTIONS), unsecured.get("@context"));

        assertThat(canonical).isEqualTo(CANONICAL_PROOF_CONFIG);
        assertThat(hex(EddsaRdfc2022.sha256(canonical))).isEqualTo(PROOF_HASH);
    }

    @Test
    void hashDataIsProofHashThenDocumentHash() {
        byte[] hashData = EddsaRdfc2022.hashData(CANONICAL_PROOF_CONFIG, CANONICAL_DOCUMENT);

        assertThat(hex(hashData)).isEqualTo(PROOF_HASH + DOCUMENT_HASH);
    }

    @Test
    void signatureAndProofValueMatchTheVector() {
        byte[] signature = key.sign(EddsaRdfc2022.hashData(CANONICAL_PROOF_CONFIG, CANONICAL_DOCUMENT));

        assertThat(hex(signature)).isEqualTo(SIGNATURE_HEX);
        assertThat(Multikey.base58btc(signature)).isEqualTo(PROOF_VALUE);
    }

    @Test
    void signedCredentialCarriesTheVectorsProofAndVerifies() {
        ObjectNode secured = suite.sign(unsecured, OPTIONS, key);

        assertThat(secured.at("/proof/0/proofValue").asText()).isEqualTo(PROOF_VALUE);
        assertThat(secured.at("/proof/0/verificationMethod").asText()).isEqualTo(METHOD);
        assertThat(suite.verify(secured, method -> Optional.of(key.publicKey())).ok()).isTrue();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
