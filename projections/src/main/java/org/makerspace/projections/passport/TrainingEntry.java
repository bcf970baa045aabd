package org.makerspace.projections.passport;

import java.math.BigDecimal;
import java.time.Instant;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.TrainerId;
import org.makerspace.ledger.member.api.TrainingCompleted;
import org.makerspace.ledger.member.api.TrainingId;

/** A training in the passport; a retracted one stays visible, marked, and no longer counts. */
public record TrainingEntry(TrainingId trainingId, LabId labId, String courseCode, BigDecimal hours, TrainerId trainerId,
                            Instant completedAt, StatusChange retraction) {

    static TrainingEntry of(TrainingCompleted event) {
        return new TrainingEntry(event.trainingId(), event.labId(), event.courseCode(), event.hours(), event.trainerId(),
                                 event.completedAt(), null);
    }

    public boolean counts() {
        return retraction == null;
    }

    TrainingEntry retracted(String reason, Instant at) {
        return new TrainingEntry(trainingId, labId, courseCode, hours, trainerId, completedAt, new StatusChange(reason, at));
    }
}
