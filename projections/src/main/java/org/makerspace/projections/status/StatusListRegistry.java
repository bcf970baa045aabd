package org.makerspace.projections.status;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * The status lists of every lab, and the index of every registered award in them.
 *
 * <p>Each lab hands out indexes 0, 1, 2, ... in the order its awards are first registered, and an award keeps its
 * index in both of its lab's lists (revocation and suspension). Replaying the same events in the same order
 * therefore hands out the same indexes, which matters because an index is signed into a credential that may
 * already be in a wallet. The trade-off: a verifier can tell roughly how many credentials a lab issued before this
 * one. A secret-keyed permutation of the index could hide that later without changing this class's callers.
 *
 * <p>Every read is a lookup by {@code _id}: an award in {@value #INDEXES}, a lab's next index in {@value
 * #ALLOCATIONS}, a list under {@code labId/purpose} in {@value #LISTS}. Registering writes the award's index before
 * moving the lab's allocation past it, so a redelivery after a crash between the two finds the index and repairs
 * the allocation. Applying a call again leaves the same documents, so a redelivered event is harmless; changes take
 * the business time from the caller, never the clock.
 */
public final class StatusListRegistry {

    static final String LISTS = "status_lists";
    static final String INDEXES = "status_indexes";
    static final String ALLOCATIONS = "status_allocations";

    private final RowCollection<StatusListRow> lists;
    private final RowCollection<StatusIndexRow> indexes;
    private final RowCollection<StatusAllocationRow> allocations;

    public StatusListRegistry(LedgerStorage storage) {
        this.lists = new RowCollection<>(storage, LISTS, StatusListRow.class, StatusListRow::id);
        this.indexes = new RowCollection<>(storage, INDEXES, StatusIndexRow.class, StatusIndexRow::awardId);
        this.allocations = new RowCollection<>(storage, ALLOCATIONS, StatusAllocationRow.class, StatusAllocationRow::id);
    }

    // ---------------------------------------------------------------- changes

    /**
     * Gives the award its lab's next index, or returns the index it already has. The lab's two lists are created
     * (at {@code at}) or grown so that they hold the index: a verifier must find every issued index in the list.
     *
     * @throws IllegalArgumentException when the award is already registered at another lab
     */
    public int register(String awardId, LabId labId, Instant at) {
        Optional<StatusIndexRow> known = indexes.find(awardId);
        if (known.isPresent() && !known.get().labId().equals(labId)) {
            throw new IllegalArgumentException("award " + awardId + " already has status index " + known.get().index()
                                                       + " at lab " + known.get().labId() + ", not at lab " + labId);
        }
        StatusAllocationRow allocation = allocations.find(labId.value()).orElseGet(() -> StatusAllocationRow.none(labId));
        StatusIndexRow row = known.orElseGet(() -> new StatusIndexRow(awardId, labId, allocation.nextIndex()));
        if (known.isEmpty()) {
            indexes.save(row);
        }
        StatusAllocationRow moved = allocation.past(row.index());
        if (!moved.equals(allocation)) {
            allocations.save(moved);
        }
        for (StatusPurpose purpose : StatusPurpose.values()) {
            makeRoom(new StatusListId(labId, purpose), row.index(), at);
        }
        return row.index();
    }

    /** Sets the award's revocation bit. A revocation is final: nothing here clears it. */
    public void revoke(String awardId, Instant at) {
        change(awardId, StatusPurpose.REVOCATION, true, at);
    }

    /** Sets the award's suspension bit. */
    public void suspend(String awardId, Instant at) {
        change(awardId, StatusPurpose.SUSPENSION, true, at);
    }

    /** Clears the award's suspension bit; a revoked award stays revoked. */
    public void reinstate(String awardId, Instant at) {
        change(awardId, StatusPurpose.SUSPENSION, false, at);
    }

    /** Removes every list, index and allocation, for a replay from the start. */
    public void clear() {
        lists.clear();
        indexes.clear();
        allocations.clear();
    }

    // ---------------------------------------------------------------- reads

    /** The award's index and bits, or empty when it was never registered. */
    public Optional<AwardStatus> status(String awardId) {
        return indexes.find(awardId).map(row -> new AwardStatus(
                awardId, row.labId(), row.index(),
                bit(new StatusListId(row.labId(), StatusPurpose.REVOCATION), row.index()),
                bit(new StatusListId(row.labId(), StatusPurpose.SUSPENSION), row.index())));
    }

    /** The list as it is stored, or empty when its lab has registered no award yet. */
    public Optional<StatusList> list(StatusListId listId) {
        return lists.find(listId.key()).map(StatusListRow::list);
    }

    /**
     * The unsigned status list credential of a lab and purpose, served at {@link StatusListId#url(URI)}; empty when
     * the lab has registered no award yet.
     */
    public Optional<BitstringStatusListCredential> statusListCredential(StatusListId listId, URI publicBaseUrl) {
        String url = listId.url(publicBaseUrl);
        return lists.find(listId.key()).map(row -> BitstringStatusListCredential.of(url, row));
    }

    /**
     * The {@code credentialStatus} entries of the award's credential: revocation, then suspension.
     *
     * @throws UnknownAwardStatusException when the award was never registered
     */
    public List<BitstringStatusListEntry> credentialStatus(String awardId, URI publicBaseUrl) {
        StatusIndexRow row = indexes.find(awardId).orElseThrow(() -> new UnknownAwardStatusException(awardId));
        List<BitstringStatusListEntry> entries = new ArrayList<>();
        for (StatusPurpose purpose : StatusPurpose.values()) {
            String url = new StatusListId(row.labId(), purpose).url(publicBaseUrl);
            entries.add(BitstringStatusListEntry.of(url, purpose, row.index()));
        }
        return List.copyOf(entries);
    }

    // ---------------------------------------------------------------- storage

    private void change(String awardId, StatusPurpose purpose, boolean value, Instant at) {
        StatusIndexRow award = indexes.find(awardId).orElseThrow(() -> new UnknownAwardStatusException(awardId));
        StatusListId listId = new StatusListId(award.labId(), purpose);
        // The list exists once the award is registered; should a crash have left it out, it is made here.
        Optional<StatusList> stored = lists.find(listId.key()).map(StatusListRow::list);
        StatusList known = stored.orElseGet(StatusList::empty).withRoomFor(award.index() + 1L);
        StatusList changed = value ? known.set(award.index()) : known.clear(award.index());
        if (stored.isEmpty() || !changed.equals(stored.get())) {
            lists.save(StatusListRow.of(listId, changed, at));
        }
    }

    /** Creates the list, or grows it, so that it holds {@code index}; an existing list that does is left alone. */
    private void makeRoom(StatusListId listId, int index, Instant at) {
        Optional<StatusListRow> stored = lists.find(listId.key());
        if (stored.isEmpty()) {
            lists.save(StatusListRow.of(listId, StatusList.forEntries(index + 1L), at));
            return;
        }
        StatusList known = stored.get().list();
        StatusList grown = known.withRoomFor(index + 1L);
        if (grown != known) {
            lists.save(stored.get().changed(grown, at));
        }
    }

    private boolean bit(StatusListId listId, int index) {
        return list(listId).map(list -> index < list.size() && list.get(index)).orElse(false);
    }
}
