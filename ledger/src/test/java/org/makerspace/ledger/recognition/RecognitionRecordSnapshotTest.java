package org.makerspace.ledger.recognition;

import static org.makerspace.ledger.common.RefusalMatchers.refusedWithCode;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.makerspace.ledger.common.Snapshots;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.RecordImportedCredential;

/** A recognition record restored from a snapshot still knows which credentials it holds. */
class RecognitionRecordSnapshotTest {

    private static final MemberId ADA = MemberId.of("member-ada");
    private static final String LYON = "https://badges.fablab-lyon.example/ob3/issuers/lyon";
    private static final String LASER = "https://badges.fablab-lyon.example/ob3/achievements/laser";
    private static final Instant IMPORTED = Instant.parse("2026-05-04T09:30:00Z");

    private static RecognitionRecord recordWithHistory() {
        return Snapshots.stateAfter(new AggregateTestFixture<>(RecognitionRecord.class)
                .given(new ExternalCredentialImported(ADA, ImportId.of("import-1"), LYON, LASER, "Laser",
                                                      "urn:uuid:1", null, IMPORTED, List.of()))
                .when(new RecordImportedCredential(ADA, ImportId.of("import-2"), LYON, LASER, "Laser",
                                                   "urn:uuid:2", IMPORTED.plusSeconds(86_400), IMPORTED, List.of())));
    }

    @ParameterizedTest
    @MethodSource("org.makerspace.ledger.common.Snapshots#serializers")
    void restoredRecordStillRefusesACredentialImportedBefore(Serializer serializer) {
        RecognitionRecord restored = Snapshots.roundTrip(serializer, recordWithHistory());

        new AggregateTestFixture<>(RecognitionRecord.class).givenState(() -> restored)
                .when(new RecordImportedCredential(ADA, ImportId.of("import-3"), LYON, LASER, "Laser", "urn:uuid:2",
                                                   null, IMPORTED.plusSeconds(60), List.of()))
                .expectException(refusedWithCode("credential-already-imported"))
                .expectExceptionMessage("credential urn:uuid:2 is already in the record of member member-ada"
                        + " (import import-2 at 2026-05-04T09:30:00Z)");
    }
}
