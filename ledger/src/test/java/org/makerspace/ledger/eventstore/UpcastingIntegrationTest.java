package org.makerspace.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineType;
import org.makerspace.ledger.lab.api.RiskLevel;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.ledger.upcasting.ExternalCredentialImportedRevision1To2;
import org.makerspace.ledger.upcasting.MachineRegisteredRevision1To2;

/**
 * Events are forever, so a change of shape is a new revision with an upcaster. This stores an event in an old shape
 * (revision 0, before the lab had a contact address) and reads it back through the engine's upcaster chain.
 */
class UpcastingIntegrationTest {

    /** Revision 0 of LabRegistered had no contact address; revision 1 added it, empty for old labs. */
    static final class LabRegisteredRevision0To1 extends SingleEventUpcaster {

        private static final SimpleSerializedType OLD =
                new SimpleSerializedType(LabRegistered.class.getName(), "0");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(OLD);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(LabRegistered.class.getName(), "1"),
                                                JsonNode.class,
                                                payload -> ((ObjectNode) payload).putNull("contactEmail"));
        }
    }

    @Test
    void readsAnEventStoredInAnOlderShapeThroughTheUpcasterChain() {
        LedgerStorage storage = TestMongo.server().freshStorage("upcasting");
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .upcasterChain(new LabRegisteredRevision0To1())
                .build();
        engine.ensureSchema();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Lab", "fablab-old", 0,
                new LabRegistered(LabId.of("fablab-old"), "Fablab d'avant", "https://old.example", "x@old.example"))));
        // Rewrite the stored event as an old writer would have left it: revision 0, no contact address.
        storage.database().getCollection(MongoEventStorageEngine.COMMITS).updateOne(
                com.mongodb.client.model.Filters.eq("_id", "fablab-old#0"),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("events.0.pr", "0"),
                        com.mongodb.client.model.Updates.set("events.0.p",
                                "{\"labId\":\"fablab-old\",\"name\":\"Fablab d'avant\",\"publicUrl\":\"https://old.example\"}")));

        DomainEventMessage<?> read = engine.readEvents("fablab-old").asStream().findFirst().orElseThrow();

        assertThat(read.getPayload()).isEqualTo(
                new LabRegistered(LabId.of("fablab-old"), "Fablab d'avant", "https://old.example", null));
        assertThat(engine.readEvents(null, false).findFirst().orElseThrow().getPayload())
                .isEqualTo(read.getPayload());
    }

    /** A machine registered before revision 2 entered service when it was recorded: its inServiceSince is empty. */
    @Test
    void aMachineRegisteredInRevision1IsReadWithoutAnInServiceDate() {
        LedgerStorage storage = TestMongo.server().freshStorage("upcasting-machine");
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .upcasterChain(new MachineRegisteredRevision1To2())
                .build();
        engine.ensureSchema();
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Lab", "fablab-old", 0, new MachineRegistered(
                LabId.of("fablab-old"), MachineId.of("laser-old"), "Laser", MachineType.LASER_CUTTER, RiskLevel.HIGH,
                120, Instant.parse("2020-01-01T00:00:00Z")))));
        storage.database().getCollection(MongoEventStorageEngine.COMMITS).updateOne(
                com.mongodb.client.model.Filters.eq("_id", "fablab-old#0"),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("events.0.pr", "1"),
                        com.mongodb.client.model.Updates.set("events.0.p",
                                "{\"labId\":\"fablab-old\",\"machineId\":\"laser-old\",\"name\":\"Laser\","
                                + "\"machineType\":\"laser-cutter\",\"riskLevel\":\"HIGH\",\"maxSessionMinutes\":120}")));

        DomainEventMessage<?> read = engine.readEvents("fablab-old").asStream().findFirst().orElseThrow();

        assertThat(read.getPayload()).isEqualTo(new MachineRegistered(LabId.of("fablab-old"), MachineId.of("laser-old"),
                                                                      "Laser", MachineType.LASER_CUTTER, RiskLevel.HIGH,
                                                                      120, null));
        assertThat(read.getPayloadType()).isEqualTo(MachineRegistered.class);
    }

    /**
     * A partner credential imported before revision 2 has no status lists recorded: null (unknown), not an empty list
     * (a credential naming none); its issuer cannot be followed.
     */
    @Test
    void aCredentialImportedInRevision1IsReadWithoutItsStatusLists() {
        LedgerStorage storage = TestMongo.server().freshStorage("upcasting-import");
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .database(storage.database())
                .durability(storage.durability())
                .upcasterChain(new ExternalCredentialImportedRevision1To2())
                .build();
        engine.ensureSchema();
        Instant importedAt = Instant.parse("2026-03-01T10:00:00Z");
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("RecognitionRecord", "recognition:ada", 0,
                new ExternalCredentialImported(MemberId.of("ada"), ImportId.of("import-1"), "https://lyon.example/i",
                                               "https://lyon.example/a", "Laser", "urn:uuid:1", null, importedAt,
                                               List.of()))));
        storage.database().getCollection(MongoEventStorageEngine.COMMITS).updateOne(
                com.mongodb.client.model.Filters.eq("_id", "recognition:ada#0"),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.set("events.0.pr", "1"),
                        com.mongodb.client.model.Updates.set("events.0.p",
                                "{\"memberId\":\"ada\",\"importId\":\"import-1\",\"issuerId\":\"https://lyon.example/i\","
                                + "\"achievementId\":\"https://lyon.example/a\",\"achievementName\":\"Laser\","
                                + "\"credentialId\":\"urn:uuid:1\",\"validUntil\":null,"
                                + "\"importedAt\":\"2026-03-01T10:00:00Z\"}")));

        DomainEventMessage<?> read = engine.readEvents("recognition:ada").asStream().findFirst().orElseThrow();

        assertThat(read.getPayload()).isEqualTo(new ExternalCredentialImported(
                MemberId.of("ada"), ImportId.of("import-1"), "https://lyon.example/i", "https://lyon.example/a",
                "Laser", "urn:uuid:1", null, importedAt, null));
    }
}
