package org.makerspace.projections.credential.issuer;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.proof.Ed25519PublicKey;
import org.makerspace.projections.credential.proof.Ed25519SigningKey;
import org.makerspace.projections.credential.proof.KeyResolver;

/**
 * The labs' signing keys in the collection {@code issuer_keys}: {@code _id} is the key id, with {@code labId},
 * {@code publicKeyMultibase}, {@code encryptedPrivateKey} (see {@link KeyEncryption}), {@code validFrom} (ISO-8601)
 * and {@code active}. A key is never deleted nor changed but for {@code active}: rotation adds a newer key, and the
 * older ones keep resolving so that what they signed keeps verifying. Times come from the caller, never the clock.
 * Every write waits for the durability barrier: a key that signed a credential must survive a crash.
 */
public final class IssuerKeys {

    public static final String COLLECTION = "issuer_keys";

    private final LedgerStorage storage;
    private final MongoCollection<Document> keys;
    private final MasterKey masterKey;

    public IssuerKeys(LedgerStorage storage, MasterKey masterKey) {
        this.storage = storage;
        this.keys = storage.database().getCollection(COLLECTION);
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
    }

    /**
     * Generates a key for the lab that signs from {@code validFrom} on: the lab's first key, or a rotation, after
     * which the previous keys are inactive but still published. A new key must start after the lab's newest one.
     */
    public IssuerKey addKey(LabId lab, Instant validFrom) {
        Optional<IssuerKey> newest = newest(lab);
        if (newest.isPresent() && !validFrom.isAfter(newest.get().validFrom())) {
            throw new IssuerKeyException("lab " + lab + " has key " + newest.get().keyId() + " valid from "
                                         + newest.get().validFrom() + "; a new key must start later than " + validFrom);
        }
        Ed25519SigningKey secret = Ed25519SigningKey.generate();
        Ed25519PublicKey publicKey = secret.publicKey();
        IssuerKey key = new IssuerKey(keyIdOf(publicKey), lab, publicKey, validFrom, true);
        String encrypted = KeyEncryption.encrypt(masterKey, secret.exportSeed(), associatedData(key));
        keys.insertOne(new Document("_id", key.keyId())
                               .append("labId", lab.value())
                               .append("publicKeyMultibase", publicKey.multibase())
                               .append("encryptedPrivateKey", encrypted)
                               .append("validFrom", validFrom.toString())
                               .append("active", true));
        keys.updateMany(and(eq("labId", lab.value()), ne("_id", key.keyId()), eq("active", true)),
                        Updates.set("active", false));
        storage.durability().awaitDurable();
        return key;
    }

    /** The lab's newest key, or a first one valid from {@code validFrom} when the lab has none. */
    public IssuerKey ensureKey(LabId lab, Instant validFrom) {
        return newest(lab).orElseGet(() -> addKey(lab, validFrom));
    }

    /** Every key of the lab, oldest first: all of them stay published. */
    public List<IssuerKey> keysOf(LabId lab) {
        List<IssuerKey> found = new ArrayList<>();
        for (Document document : keys.find(eq("labId", lab.value())).sort(Sorts.ascending("validFrom"))) {
            found.add(toKey(document));
        }
        return found;
    }

    public Optional<IssuerKey> find(String keyId) {
        return Optional.ofNullable(keys.find(eq("_id", keyId)).first()).map(IssuerKeys::toKey);
    }

    /** The key that signs for the lab at {@code at}: the newest one valid from then or earlier. */
    public Optional<IssuerKey> activeAt(LabId lab, Instant at) {
        IssuerKey chosen = null;
        for (IssuerKey key : keysOf(lab)) {
            if (!key.validFrom().isAfter(at) && (chosen == null || key.validFrom().isAfter(chosen.validFrom()))) {
                chosen = key;
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** The key with its private key decrypted; a wrong master key or an altered document is refused. */
    public IssuerSigningKey signingKey(String keyId) {
        Document document = keys.find(eq("_id", keyId)).first();
        if (document == null) {
            throw new IssuerKeyException("there is no signing key " + keyId);
        }
        IssuerKey key = toKey(document);
        byte[] seed = KeyEncryption.decrypt(masterKey, document.getString("encryptedPrivateKey"), associatedData(key),
                                            keyId);
        Ed25519SigningKey secret = Ed25519SigningKey.fromSeed(seed);
        if (!secret.publicKey().equals(key.publicKey())) {
            throw new IssuerKeyException("the private key of " + keyId + " does not match its public key");
        }
        return new IssuerSigningKey(key, secret);
    }

    /** The signing key of the lab at {@code at}; see {@link #activeAt}. */
    public IssuerSigningKey signingKeyAt(LabId lab, Instant at) {
        IssuerKey key = activeAt(lab, at).orElseThrow(
                () -> new IssuerKeyException("lab " + lab + " has no signing key valid at " + at));
        return signingKey(key.keyId());
    }

    /** The key whose verification method, published under {@code urls}, is {@code verificationMethod}. */
    public Optional<IssuerKey> findByVerificationMethod(PublicUrls urls, String verificationMethod) {
        int slash = verificationMethod == null ? -1 : verificationMethod.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return find(verificationMethod.substring(slash + 1))
                .filter(key -> urls.verificationMethod(key.labId(), key.keyId()).equals(verificationMethod));
    }

    /**
     * Resolves the verification methods these keys publish under {@code urls} to their public keys, active or not:
     * rotation never stops an old credential from verifying.
     */
    public KeyResolver resolver(PublicUrls urls) {
        return verificationMethod -> findByVerificationMethod(urls, verificationMethod).map(IssuerKey::publicKey);
    }

    private Optional<IssuerKey> newest(LabId lab) {
        List<IssuerKey> all = keysOf(lab);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static IssuerKey toKey(Document document) {
        return new IssuerKey(document.getString("_id"), LabId.of(document.getString("labId")),
                             Ed25519PublicKey.fromMultibase(document.getString("publicKeyMultibase")),
                             Instant.parse(document.getString("validFrom")), document.getBoolean("active", false));
    }

    private static String associatedData(IssuerKey key) {
        return "issuer_keys|" + key.keyId() + "|" + key.labId().value() + "|" + key.publicKey().multibase();
    }

    /** A key id derived from the public key: unique without coordination, and one URL path segment. */
    static String keyIdOf(Ed25519PublicKey publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.multibase()
                                                                                 .getBytes(StandardCharsets.US_ASCII));
            return "ed25519-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
