package org.makerspace.projections.credential.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.proof.Multikey;

class IssuerKeysIntegrationTest {

    private static final LabId FABLAB = LabId.of("fablab-nord");
    private static final PublicUrls URLS = PublicUrls.of("https://badges.fablab-nord.example");
    private static final Instant JANUARY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-01T00:00:00Z");

    private final LedgerStorage storage = TestMongo.server().freshStorage("issuer_keys");
    private final MasterKey master = MasterKey.generate();
    private final IssuerKeys keys = new IssuerKeys(storage, master);

    @Test
    void storedKeyDocumentHoldsNoPrivateKeyInTheClear() {
        IssuerKey key = keys.addKey(FABLAB, JANUARY);
        byte[] seed = keys.signingKey(key.keyId()).signingKey().exportSeed();

        Document stored = storage.database().getCollection(IssuerKeys.COLLECTION).find().first();
        byte[] bson = new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().array();
        String json = stored.toJson();

        assertThat(stored.keySet()).containsExactly("_id", "labId", "publicKeyMultibase", "encryptedPrivateKey",
                                                    "validFrom", "active");
        assertThat(indexOf(bson, seed)).isEqualTo(-1);
        assertThat(json).doesNotContain(Base64.getEncoder().encodeToString(seed), HexFormat.of().formatHex(seed),
                                        Multikey.encodePrivateKey(seed), Base64.getUrlEncoder().encodeToString(seed));
    }

    @Test
    void wrongMasterKeyCannotDecryptThePrivateKey() {
        IssuerKey key = keys.addKey(FABLAB, JANUARY);
        IssuerKeys withOtherMaster = new IssuerKeys(storage, MasterKey.generate());

        assertThatThrownBy(() -> withOtherMaster.signingKey(key.keyId()))
                .isInstanceOf(IssuerKeyException.class)
                .hasMessageContaining("does not decrypt: wrong master key");
    }

    @Test
    void ciphertextMovedToAnotherKeyDocumentDoesNotDecrypt() {
        IssuerKey first = keys.addKey(FABLAB, JANUARY);
        IssuerKey second = keys.addKey(FABLAB, JUNE);
        var collection = storage.database().getCollection(IssuerKeys.COLLECTION);
        String firstSecret = collection.find(new Document("_id", first.keyId())).first().getString("encryptedPrivateKey");
        collection.updateOne(new Document("_id", second.keyId()),
                             new Document("$set", new Document("encryptedPrivateKey", firstSecret)));

        assertThatThrownBy(() -> keys.signingKey(second.keyId())).isInstanceOf(IssuerKeyException.class);
    }

    @Test
    void decryptedKeyMatchesItsPublishedPublicKey() {
        IssuerKey key = keys.addKey(FABLAB, JANUARY);

        IssuerSigningKey signing = keys.signingKey(key.keyId());

        assertThat(signing.signingKey().publicKey()).isEqualTo(key.publicKey());
        assertThat(signing.toString()).doesNotContain(HexFormat.of().formatHex(signing.signingKey().exportSeed()));
    }

    @Test
    void rotationDeactivatesButKeepsTheOldKey() {
        IssuerKey old = keys.addKey(FABLAB, JANUARY);

        IssuerKey current = keys.addKey(FABLAB, JUNE);

        assertThat(keys.keysOf(FABLAB)).extracting(IssuerKey::keyId, IssuerKey::active)
                .containsExactly(tuple(old.keyId(), false),
                                 tuple(current.keyId(), true));
    }

    @Test
    void keyActiveAtATimeIsTheNewestStartedByThen() {
        IssuerKey old = keys.addKey(FABLAB, JANUARY);
        IssuerKey current = keys.addKey(FABLAB, JUNE);

        assertThat(keys.activeAt(FABLAB, JANUARY.minusSeconds(1))).isEmpty();
        assertThat(keys.activeAt(FABLAB, JUNE.minusSeconds(1))).contains(old(old));
        assertThat(keys.activeAt(FABLAB, JUNE)).contains(current);
    }

    @Test
    void newKeyMustStartAfterTheNewest() {
        keys.addKey(FABLAB, JUNE);

        assertThatThrownBy(() -> keys.addKey(FABLAB, JANUARY))
                .isInstanceOf(IssuerKeyException.class)
                .hasMessageContaining("a new key must start later");
    }

    @Test
    void ensureKeyCreatesTheFirstKeyOnce() {
        IssuerKey first = keys.ensureKey(FABLAB, JANUARY);

        assertThat(keys.ensureKey(FABLAB, JUNE)).isEqualTo(first);
        assertThat(keys.keysOf(FABLAB)).hasSize(1);
    }

    @Test
    void resolverFindsOldAndNewKeysByTheirVerificationMethod() {
        IssuerKey old = keys.addKey(FABLAB, JANUARY);
        IssuerKey current = keys.addKey(FABLAB, JUNE);
        VerificationMethods methods = new VerificationMethods(URLS);

        assertThat(keys.resolver(URLS).resolve(methods.id(old))).contains(old.publicKey());
        assertThat(keys.resolver(URLS).resolve(methods.id(current))).contains(current.publicKey());
        assertThat(keys.resolver(URLS).resolve("https://elsewhere.example/keys/" + old.keyId())).isEmpty();
    }

    @Test
    void verificationMethodIsAMultikeyDocumentControlledByTheIssuer() {
        IssuerKey key = keys.addKey(FABLAB, JANUARY);

        var document = new VerificationMethods(URLS).multikey(key);

        assertThat(document.get("id").asText())
                .isEqualTo("https://badges.fablab-nord.example/ob3/issuers/fablab-nord/keys/" + key.keyId());
        assertThat(document.get("type").asText()).isEqualTo("Multikey");
        assertThat(document.get("controller").asText())
                .isEqualTo("https://badges.fablab-nord.example/ob3/issuers/fablab-nord");
        assertThat(document.get("publicKeyMultibase").asText()).startsWith("z6Mk").isEqualTo(key.publicKey().multibase());
    }

    private static IssuerKey old(IssuerKey key) {
        return new IssuerKey(key.keyId(), key.labId(), key.publicKey(), key.validFrom(), false);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
