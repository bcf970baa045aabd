package org.makerspace.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Named;

/** Puts aggregates through the snapshot serialisation that the event storage will use, and back. */
public final class Snapshots {

    private Snapshots() {
    }

    /** Axon's Jackson serializer over the ledger's snapshot mapper, with and without Axon's default typing. */
    public static Stream<Named<Serializer>> serializers() {
        return Stream.of(
                Named.of("snapshot mapper", JacksonSerializer.builder().objectMapper(LedgerJson.snapshotMapper()).build()),
                Named.of("snapshot mapper with default typing",
                        JacksonSerializer.builder().objectMapper(LedgerJson.snapshotMapper()).defaultTyping().build()));
    }

    /** The aggregate a fixture left after a successful command, through {@code expectState}. */
    public static <T> T stateAfter(ResultValidator<T> result) {
        var state = new AtomicReference<T>();
        result.expectSuccessfulHandlerExecution().expectState(state::set);
        return state.get();
    }

    /**
     * Serialises the aggregate to JSON and back, and checks that nothing was lost: the restored aggregate holds the
     * same state, field by field, and serialises to the same JSON.
     */
    public static <T> T roundTrip(Serializer serializer, T aggregate) {
        SerializedObject<String> snapshot = serializer.serialize(aggregate, String.class);
        T restored = serializer.deserialize(snapshot);

        assertThat(restored).isNotSameAs(aggregate).isExactlyInstanceOf(aggregate.getClass());
        assertThat(restored).usingRecursiveComparison().isEqualTo(aggregate);
        assertThat(tree(serializer.serialize(restored, String.class).getData())).isEqualTo(tree(snapshot.getData()));
        return restored;
    }

    private static JsonNode tree(String json) {
        try {
            return LedgerJson.eventMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("snapshot is not JSON: " + json, e);
        }
    }
}
