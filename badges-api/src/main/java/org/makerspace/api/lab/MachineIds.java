package org.makerspace.api.lab;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.springframework.stereotype.Component;

/**
 * Which lab holds each machine id. Controllers and machine keys name a machine by its id alone, so an id belongs to
 * one lab. A lab claims the id here, durably, under a unique key, before its registration reaches the ledger: of two
 * labs registering one id at the same moment, one claim fails. (The catalogue, which a check read before, lags behind
 * the ledger, and both labs got their machine.) A claim stays with its lab; the lab may send its registration again.
 */
@Component
public class MachineIds {

    static final String COLLECTION = "machine_ids";

    private final MongoCollection<Document> claims;
    private final LedgerStorage storage;

    MachineIds(LedgerStorage storage) {
        this.storage = storage;
        this.claims = storage.database().getCollection(COLLECTION);
    }

    /** Claims the id for the lab; refused with {@code machine-id-taken} when another lab holds it. */
    public void claim(MachineId machine, LabId lab) {
        try {
            claims.insertOne(new Document("_id", machine.value()).append("labId", lab.value()));
            storage.durability().awaitDurable();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document holder = claims.find(eq("_id", machine.value())).first();
            if (holder == null || !lab.value().equals(holder.getString("labId"))) {
                throw taken(machine);
            }
        }
    }

    public static DomainRefusal taken(MachineId machine) {
        return new DomainRefusal("machine-id-taken", "machine id " + machine
                + " is already used by another lab; choose another id, e.g. prefixed with your lab's");
    }
}
