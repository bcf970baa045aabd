package org.makerspace.projections.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.achievement.api.AchievementDefined;
import org.makerspace.ledger.achievement.api.AchievementRetired;
import org.makerspace.ledger.achievement.api.AchievementRevised;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.lab.api.LabRegistered;
import org.makerspace.ledger.lab.api.MachinePutOutOfService;
import org.makerspace.ledger.lab.api.MachineRegistered;
import org.makerspace.ledger.lab.api.MachineReturnedToService;
import org.makerspace.ledger.lab.api.TrainerQualificationWithdrawn;
import org.makerspace.ledger.lab.api.TrainerQualified;
import org.makerspace.ledger.lab.api.TrainerRegistered;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Keeps one catalog document per lab from the lab's and its achievements' events, and a routing document per
 * machine and per achievement so that a machine or achievement is found, and a revision or retirement (which do not
 * name the lab) reaches its lab, by two lookups on {@code _id}. A lab appears with its first event; queries show it
 * once its registration is seen.
 */
@ProcessingGroup(CatalogProjection.PROCESSING_GROUP)
public class CatalogProjection {

    public static final String PROCESSING_GROUP = "catalog";
    static final String LABS = "catalog_labs";
    static final String MACHINES = "catalog_machines";
    static final String ACHIEVEMENT_LABS = "catalog_achievement_labs";

    private final RowCollection<LabRow> labs;
    private final RowCollection<MachineLab> machineLabs;
    private final RowCollection<AchievementLab> achievementLabs;

    public CatalogProjection(LedgerStorage storage) {
        this.labs = new RowCollection<>(storage, LABS, LabRow.class, LabRow::id);
        this.machineLabs = new RowCollection<>(storage, MACHINES, MachineLab.class, MachineLab::id);
        this.achievementLabs = new RowCollection<>(storage, ACHIEVEMENT_LABS, AchievementLab.class, AchievementLab::id);
    }

    // ---------------------------------------------------------------- queries

    /** The lab, or null when its registration is unknown (ask with {@code ResponseTypes.optionalInstanceOf}). */
    @QueryHandler
    public LabView find(FindLab query) {
        return labs.find(query.labId().value()).filter(LabRow::registered).map(LabRow::view).orElse(null);
    }

    /** Every registered lab, by lab id: a full scan, which is fine because a network has a few dozen labs at most. */
    @QueryHandler
    public LabList find(FindLabs query) {
        List<LabView> registered = new ArrayList<>();
        for (LabRow lab : labs.findAll()) {
            if (lab.registered()) {
                registered.add(lab.view());
            }
        }
        registered.sort(Comparator.comparing((LabView lab) -> lab.labId().value()));
        return new LabList(registered);
    }

    /** The machine with its lab id, or null when it is unknown (ask with {@code ResponseTypes.optionalInstanceOf}). */
    @QueryHandler
    public MachineView find(FindMachine query) {
        return machineLabs.find(query.machineId().value())
                .flatMap(route -> labs.find(route.labId().value()))
                .flatMap(lab -> lab.machine(query.machineId()))
                .orElse(null);
    }

    /** The achievement with its lab id, or null when it is unknown (ask with {@code ResponseTypes.optionalInstanceOf}). */
    @QueryHandler
    public AchievementView find(FindAchievement query) {
        return achievementLabs.find(query.achievementId().value())
                .flatMap(route -> labs.find(route.labId().value()))
                .flatMap(lab -> lab.achievement(query.achievementId()))
                .orElse(null);
    }

    // ---------------------------------------------------------------- lab

    @EventHandler
    void on(LabRegistered event, @Timestamp Instant timestamp) {
        update(event.labId(), lab -> lab.registered(event.name(), event.publicUrl(), event.contactEmail(), timestamp));
    }

    @EventHandler
    void on(TrainerRegistered event) {
        update(event.labId(), lab -> lab.withTrainer(event.trainerId()));
    }

    @EventHandler
    void on(TrainerQualified event) {
        update(event.labId(), lab -> lab.withTrainer(event.trainerId())
                .withTrainerChanged(event.trainerId(), trainer -> trainer.qualified(event.machineType())));
    }

    @EventHandler
    void on(TrainerQualificationWithdrawn event) {
        update(event.labId(), lab -> lab.withTrainerChanged(
                event.trainerId(), trainer -> trainer.withdrawn(event.machineType())));
    }

    /**
     * A machine belongs to one lab: should another lab register the same id, the first registration wins, as in
     * machine access. The lab document is written first, so a redelivery after a crash still writes the route.
     */
    @EventHandler
    void on(MachineRegistered event) {
        Optional<MachineLab> route = machineLabs.find(event.machineId().value());
        if (route.isPresent() && !route.get().labId().equals(event.labId())) {
            return;
        }
        update(event.labId(), lab -> lab.withMachine(MachineView.of(event)));
        if (route.isEmpty()) {
            machineLabs.save(new MachineLab(event.machineId(), event.labId()));
        }
    }

    @EventHandler
    void on(MachinePutOutOfService event) {
        update(event.labId(), lab -> lab.withMachineChanged(
                event.machineId(), machine -> machine.outOfService(event.reason(), event.since())));
    }

    @EventHandler
    void on(MachineReturnedToService event) {
        update(event.labId(), lab -> lab.withMachineChanged(
                event.machineId(), machine -> machine.backInService(event.since())));
    }

    // ---------------------------------------------------------------- achievements

    /** Redelivered after a revision or retirement, the definition keeps what is known. */
    @EventHandler
    void on(AchievementDefined event) {
        update(event.labId(), lab -> lab.withAchievement(AchievementView.of(event)));
        achievementLabs.save(new AchievementLab(event.achievementId(), event.labId()));
    }

    @EventHandler
    void on(AchievementRevised event) {
        achievementLabs.find(event.achievementId().value()).ifPresent(route -> update(route.labId(), lab ->
                lab.withAchievementChanged(event.achievementId(), achievement -> achievement.revised(event))));
    }

    @EventHandler
    void on(AchievementRetired event) {
        achievementLabs.find(event.achievementId().value()).ifPresent(route -> update(route.labId(), lab ->
                lab.withAchievementChanged(event.achievementId(), AchievementView::retire)));
    }

    @ResetHandler
    void reset() {
        labs.clear();
        machineLabs.clear();
        achievementLabs.clear();
    }

    /** Writes the lab only when the event changed it; a lab the catalog has not seen starts empty. */
    private void update(LabId lab, UnaryOperator<LabRow> change) {
        LabRow known = labs.find(lab.value()).orElseGet(() -> LabRow.empty(lab));
        LabRow updated = change.apply(known);
        if (!updated.equals(known)) {
            labs.save(updated);
        }
    }
}
