package org.makerspace.projections.status;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored list of one lab and purpose, kept in its published form (a few hundred bytes while few bits are set),
 * with the business time of its last change, which becomes the list credential's {@code validFrom}.
 */
record StatusListRow(StatusListId listId, String encodedList, Instant changedAt) {

    StatusListRow {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(encodedList, "encodedList");
        Objects.requireNonNull(changedAt, "changedAt");
    }

    static StatusListRow of(StatusListId listId, StatusList list, Instant at) {
        return new StatusListRow(listId, list.encodedList(), at);
    }

    String id() {
        return listId.key();
    }

    StatusList list() {
        return StatusList.decode(encodedList);
    }

    StatusListRow changed(StatusList list, Instant at) {
        return of(listId, list, at);
    }
}
