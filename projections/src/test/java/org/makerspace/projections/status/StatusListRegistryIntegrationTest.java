package org.makerspace.projections.status;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.makerspace.projections.support.TestEvents.FABLAB;
import static org.makerspace.projections.support.TestEvents.OTHER_LAB;
import static org.makerspace.projections.support.TestEvents.T0;
import static org.makerspace.projections.support.TestEvents.days;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.ledger.testing.TestMongo;
import org.makerspace.projections.support.ObservedStorage;
import org.makerspace.projections.support.StoredDocuments;

class StatusListRegistryIntegrationTest {

    private static final URI BASE = URI.create("https://ledger.example/");
    private static final StatusListId FABLAB_REVOCATIONS = new StatusListId(FABLAB, StatusPurpose.REVOCATION);
    private static final StatusListId FABLAB_SUSPENSIONS = new StatusListId(FABLAB, StatusPurpose.SUSPENSION);

    private ObservedStorage observed;
    private LedgerStorage storage;
    private StatusListRegistry registry;

    @BeforeEach
    void freshStorage() {
        observed = ObservedStorage.open("status");
        storage = observed.storage();
        registry = new StatusListRegistry(storage);
    }

    @AfterEach
    void close() {
        observed.close();
    }

    @Test
    void eachLabHandsOutIndexesInTheOrderAwardsAreRegistered() {
        int first = registry.register("award-a", FABLAB, T0);
        int elsewhere = registry.register("award-x", OTHER_LAB, days(1));
        int second = registry.register("award-b", FABLAB, days(2));

        assertThat(List.of(first, second, elsewhere)).containsExactly(0, 1, 0);
    }

    @Test
    void registeringAnAwardAgainKeepsItsIndexAndHandsOutNoOther() {
        registry.register("award-a", FABLAB, T0);

        int again = registry.register("award-a", FABLAB, days(5));
        int next = registry.register("award-b", FABLAB, days(6));

        assertThat(again).isZero();
        assertThat(next).isEqualTo(1);
    }

    @Test
    void replayingTheSameRegistrationsAndChangesStoresTheSameDocuments() {
        LedgerStorage replayed = TestMongo.server().freshStorage("status_replay");

        runHistory(registry);
        runHistory(new StatusListRegistry(replayed));

        Map<String, List<Document>> original = StoredDocuments.readModels(storage.database());
        assertThat(original).containsKeys(StatusListRegistry.LISTS, StatusListRegistry.INDEXES,
                                          StatusListRegistry.ALLOCATIONS);
        assertThat(StoredDocuments.readModels(replayed.database())).isEqualTo(original);
    }

    private static void runHistory(StatusListRegistry registry) {
        registry.register("award-a", FABLAB, T0);
        registry.register("award-b", FABLAB, days(1));
        registry.register("award-x", OTHER_LAB, days(1));
        registry.revoke("award-b", days(2));
        registry.suspend("award-a", days(3));
        registry.register("award-c", FABLAB, days(4));
    }

    @Test
    void aRedeliveryAfterACrashBeforeTheAllocationWasStoredRepairsIt() {
        registry.register("award-a", FABLAB, T0);
        storage.database().getCollection(StatusListRegistry.ALLOCATIONS)
                .updateOne(eq("_id", FABLAB.value()), set("nextIndex", 0));

        int redelivered = registry.register("award-a", FABLAB, T0);
        int next = registry.register("award-b", FABLAB, days(1));

        assertThat(redelivered).isZero();
        assertThat(next).isEqualTo(1);
    }

    @Test
    void anAwardRegisteredAtOneLabIsRefusedAtAnother() {
        registry.register("award-a", FABLAB, T0);

        assertThatThrownBy(() -> registry.register("award-a", OTHER_LAB, days(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("award award-a already has status index 0 at lab " + FABLAB);
    }

    @Test
    void registeringCreatesBothListsOfTheLabWithNoBitSet() {
        registry.register("award-a", FABLAB, T0);

        assertThat(registry.list(FABLAB_REVOCATIONS)).contains(StatusList.empty());
        assertThat(registry.list(FABLAB_SUSPENSIONS)).contains(StatusList.empty());
        assertThat(registry.list(new StatusListId(OTHER_LAB, StatusPurpose.REVOCATION))).isEmpty();
    }

    @Test
    void revokingSetsTheAwardsRevocationBitOnly() {
        registry.register("award-a", FABLAB, T0);
        int index = registry.register("award-b", FABLAB, T0);

        registry.revoke("award-b", days(1));

        assertThat(registry.list(FABLAB_REVOCATIONS).orElseThrow().get(index)).isTrue();
        assertThat(registry.list(FABLAB_REVOCATIONS).orElseThrow().get(0)).isFalse();
        assertThat(registry.status("award-b")).hasValueSatisfying(status -> {
            assertThat(status.revoked()).isTrue();
            assertThat(status.suspended()).isFalse();
        });
    }

    @Test
    void suspendingSetsAndReinstatingClearsTheSuspensionBit() {
        int index = registry.register("award-a", FABLAB, T0);

        registry.suspend("award-a", days(1));
        boolean suspended = registry.list(FABLAB_SUSPENSIONS).orElseThrow().get(index);
        registry.reinstate("award-a", days(2));

        assertThat(suspended).isTrue();
        assertThat(registry.list(FABLAB_SUSPENSIONS).orElseThrow().get(index)).isFalse();
    }

    @Test
    void reinstatingLeavesARevocationInPlace() {
        registry.register("award-a", FABLAB, T0);
        registry.revoke("award-a", days(1));
        registry.suspend("award-a", days(1));

        registry.reinstate("award-a", days(2));

        assertThat(registry.status("award-a")).hasValueSatisfying(status -> {
            assertThat(status.revoked()).isTrue();
            assertThat(status.suspended()).isFalse();
        });
    }

    @Test
    void revokingAgainLeavesTheListAndItsTimeAsTheyWere() {
        registry.register("award-a", FABLAB, T0);
        registry.revoke("award-a", days(1));
        BitstringStatusListCredential once = registry.statusListCredential(FABLAB_REVOCATIONS, BASE).orElseThrow();

        registry.revoke("award-a", days(9));

        assertThat(registry.statusListCredential(FABLAB_REVOCATIONS, BASE)).contains(once);
        assertThat(once.validFrom()).isEqualTo(days(1).toString());
    }

    @Test
    void changingTheStatusOfAnUnregisteredAwardIsRefused() {
        assertThatThrownBy(() -> registry.revoke("award-z", T0))
                .isInstanceOf(UnknownAwardStatusException.class)
                .hasMessage("award award-z has no status list index: register it before its credential is issued");
    }

    @Test
    void theStatusListCredentialBodyCarriesTheListAndItsPurpose() {
        registry.register("award-a", FABLAB, T0);
        registry.revoke("award-a", days(1));

        JsonNode body = new ObjectMapper().valueToTree(
                registry.statusListCredential(FABLAB_REVOCATIONS, BASE).orElseThrow());

        String url = "https://ledger.example/status-lists/" + FABLAB + "/revocation";
        assertThat(body.path("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(body.path("id").asText()).isEqualTo(url);
        assertThat(body.path("type").toString()).isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
        assertThat(body.path("validFrom").asText()).isEqualTo(days(1).toString());
        assertThat(body.path("credentialSubject").path("id").asText()).isEqualTo(url + "#list");
        assertThat(body.path("credentialSubject").path("type").asText()).isEqualTo("BitstringStatusList");
        assertThat(body.path("credentialSubject").path("statusPurpose").asText()).isEqualTo("revocation");
        assertThat(StatusList.decode(body.path("credentialSubject").path("encodedList").asText()).get(0)).isTrue();
    }

    @Test
    void theCredentialStatusNamesTheIndexInBothListsOfTheLab() {
        registry.register("award-a", FABLAB, T0);
        registry.register("award-b", FABLAB, T0);

        List<BitstringStatusListEntry> entries = registry.credentialStatus("award-b", BASE);

        String lists = "https://ledger.example/status-lists/" + FABLAB;
        assertThat(entries).containsExactly(
                new BitstringStatusListEntry(lists + "/revocation#1", "BitstringStatusListEntry", "revocation", "1",
                                             lists + "/revocation"),
                new BitstringStatusListEntry(lists + "/suspension#1", "BitstringStatusListEntry", "suspension", "1",
                                             lists + "/suspension"));
    }

    @Test
    void aPublicBaseUrlThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> FABLAB_REVOCATIONS.url(URI.create("ftp://ledger.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void everyReadIsALookupById() {
        registry.register("award-a", FABLAB, T0);
        observed.reset();

        registry.register("award-b", FABLAB, T0);
        registry.revoke("award-b", days(1));
        registry.status("award-b");
        registry.statusListCredential(FABLAB_REVOCATIONS, BASE);
        registry.credentialStatus("award-b", BASE);

        assertThat(observed.reads()).isNotEmpty().allMatch(ObservedStorage::isPointLookupOnId);
    }
}
