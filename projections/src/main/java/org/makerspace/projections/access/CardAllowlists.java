package org.makerspace.projections.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.OpeningHours;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.MemberId;

/**
 * The machines' access lists by card, for controllers that decide offline: who may use a machine, as the card
 * fingerprints they present, read from the {@link AccessModel} like decisions (from memory, on any thread) and under
 * the machine's requirement. A member without a card has no entry; a member with two cards has two.
 */
public final class CardAllowlists {

    /** A card allowed on a machine: its holder, the level and end of the holder's best valid basis there. */
    public record CardEntry(String card, MemberId memberId, CertificationLevel level, Instant validUntil) {

        public CardEntry {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * A machine's list: the machine as decisions see it, its effective opening hours (its own, else its lab's; null:
     * always open) and its entries by card. Empty while the machine is out of service.
     */
    public record MachineCards(MachineState machine, OpeningHours openingHours, List<CardEntry> entries) {

        public MachineCards {
            Objects.requireNonNull(machine, "machine");
            entries = List.copyOf(entries);
        }
    }

    private static final Comparator<CardEntry> BY_CARD = Comparator.comparing(CardEntry::card);

    private final AccessModel model;

    public CardAllowlists(AccessModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The machine's list at {@code at}; empty for a machine the model does not know. */
    public Optional<MachineCards> of(MachineId machineId, Instant at) {
        Optional<MachineState> machine = model.machine(machineId);
        if (machine.isEmpty()) {
            return Optional.empty();
        }
        List<CardEntry> entries = new ArrayList<>();
        if (machine.get().inService()) {
            MachineRequirement requirement = model.requirementOf(machine.get());
            for (MemberAccess member : model.members()) {
                addEntries(member, machine.get(), requirement, at, entries);
            }
        }
        entries.sort(BY_CARD);
        return Optional.of(new MachineCards(machine.get(), model.openingHours(machine.get()), entries));
    }

    /** The entries one member has on the machine at {@code at}: one per card, or none. */
    public List<CardEntry> entriesOf(MemberId memberId, MachineId machineId, Instant at) {
        Optional<MachineState> machine = model.machine(machineId);
        Optional<MemberAccess> member = model.member(memberId);
        if (machine.isEmpty() || member.isEmpty() || !machine.get().inService()) {
            return List.of();
        }
        List<CardEntry> entries = new ArrayList<>();
        addEntries(member.get(), machine.get(), model.requirementOf(machine.get()), at, entries);
        entries.sort(BY_CARD);
        return entries;
    }

    /**
     * Why the card is not on the machine's list at {@code at}, as the access answer would say it: unknown_card once
     * nobody holds it, else what refuses its holder. A card listed again meanwhile (the model moves on while this
     * reads) reads as no_certification; the change that listed it comes next.
     */
    public DenialReason whyNotListed(String card, MachineId machineId, Instant at) {
        Optional<MachineState> machine = model.machine(machineId);
        if (machine.isEmpty()) {
            return DenialReason.UNKNOWN_MACHINE;
        }
        Optional<MemberAccess> holder = model.holderOf(card).flatMap(model::member);
        if (holder.isEmpty()) {
            return DenialReason.UNKNOWN_CARD;
        }
        return model.reasonUnlisted(holder.get(), machine.get(), at).orElse(DenialReason.NO_CERTIFICATION);
    }

    private void addEntries(MemberAccess member, MachineState machine, MachineRequirement requirement, Instant at,
                            List<CardEntry> entries) {
        if (member.cards().isEmpty()) {
            return;
        }
        model.entryOf(member, machine, at, requirement).ifPresent(entry -> {
            for (String card : member.cards()) {
                entries.add(new CardEntry(card, member.memberId(), entry.level(), entry.validUntil()));
            }
        });
    }
}
