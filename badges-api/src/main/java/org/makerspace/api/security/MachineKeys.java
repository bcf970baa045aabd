package org.makerspace.api.security;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import org.bson.Document;
import org.makerspace.api.security.AuthFailures.Kind;
import org.makerspace.api.security.CallerAuthentication.Credential;
import org.makerspace.ledger.common.TypedId;
import org.makerspace.ledger.storage.DurabilityBarrier;
import org.makerspace.ledger.storage.LedgerStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * API keys of the controller boxes next to machines. A key is {@code mk_} followed by 32 random bytes in base64url;
 * it is stored only as its SHA-256 hash (the {@code _id} of {@code machine_keys}) with its lab, machine, creation
 * time and a revoked flag, and authenticates a {@link Role#MACHINE} caller scoped to that machine.
 *
 * <p>Each machine has one valid key: issuing a key revokes the previous one. The current key of each machine is
 * recorded in {@code machine_key_slots} under {@code <labId>/<machineId>}, so that rotation is a swap on one
 * document, which also orders concurrent rotations.
 *
 * <p>This class does not check who asks nor that the machine exists: its controller does both.
 */
@Component
public class MachineKeys {

    /** Starts every machine key, and never an access token: it tells the two apart. */
    public static final String PREFIX = "mk_";
    static final String COLLECTION = "machine_keys";
    static final String SLOTS = "machine_key_slots";
    private static final int MAX_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(MachineKeys.class);

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> slots;
    private final DurabilityBarrier durability;
    private final CredentialCache cache;
    private final AuthFailures failures;

    MachineKeys(LedgerStorage storage, CredentialCache cache, AuthFailures failures) {
        this.keys = storage.database().getCollection(COLLECTION);
        this.slots = storage.database().getCollection(SLOTS);
        this.durability = storage.durability();
        this.cache = cache;
        this.failures = failures;
    }

    /**
     * Issues a new key for this machine and revokes its previous one. The clear key is in the result only: show it
     * once to whoever configures the controller box.
     *
     * @throws IllegalArgumentException when an identifier is not a valid identifier
     */
    public IssuedMachineKey issue(String labId, String machineId) {
        TypedId.require(labId, "labId");
        TypedId.require(machineId, "machineId");
        String key = PREFIX + Secrets.randomToken();
        String hash = Secrets.hash(key);
        Instant createdAt = Accounts.now();
        keys.insertOne(new Document("_id", hash)
                               .append("labId", labId)
                               .append("machineId", machineId)
                               .append("createdAt", Date.from(createdAt))
                               .append("revoked", false));
        Document previous = slots.findOneAndUpdate(
                eq("_id", slot(labId, machineId)),
                Updates.combine(Updates.set("keyHash", hash), Updates.set("issuedAt", Date.from(createdAt))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (previous != null) {
            revoke(previous.getString("keyHash"), createdAt);
        }
        durability.awaitDurable();
        log.info("Machine key issued for machine {} of lab {}{}", machineId, labId,
                 previous == null ? "" : "; its previous key is revoked");
        return new IssuedMachineKey(key, labId, machineId, createdAt);
    }

    /** The machine this key belongs to; empty, and counted, when the key is unknown or revoked. */
    Optional<CallerAuthentication> authenticate(String key) {
        if (key.length() > MAX_LENGTH) {
            failures.count(Kind.INVALID_MACHINE_KEY);
            return Optional.empty();
        }
        String hash = Secrets.hash(key);
        CredentialCache.Entry entry = cache.get(hash, this::load);
        if (entry == null) {
            failures.count(Kind.INVALID_MACHINE_KEY);
            return Optional.empty();
        }
        return Optional.of(new CallerAuthentication(entry.caller(), hash, Credential.MACHINE_KEY));
    }

    private CredentialCache.Entry load(String hash) {
        Document key = keys.find(eq("_id", hash)).first();
        if (key == null || key.getBoolean("revoked", true)) {
            return null;
        }
        String labId = key.getString("labId");
        String machineId = key.getString("machineId");
        Caller machine = new Caller("machine:" + slot(labId, machineId), EnumSet.of(Role.MACHINE), labId, null, null,
                                    machineId);
        return new CredentialCache.Entry(machine, Instant.MAX);
    }

    private void revoke(String hash, Instant revokedAt) {
        keys.updateOne(eq("_id", hash), Updates.combine(Updates.set("revoked", true),
                                                        Updates.set("revokedAt", Date.from(revokedAt))));
        cache.evict(hash);
    }

    /** Identifiers cannot contain '/', so this key names one machine of one lab unambiguously. */
    private static String slot(String labId, String machineId) {
        return labId + "/" + machineId;
    }
}
