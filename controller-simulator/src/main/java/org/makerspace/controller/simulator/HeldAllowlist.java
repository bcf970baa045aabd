package org.makerspace.controller.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.makerspace.machine.protocol.Allowlist;
import org.makerspace.machine.protocol.AllowlistChange;

/**
 * The allowlist a controller decides offline from: the newest signed document it verified ({@code compact}, with its
 * {@code etag}), and the changes the stream brought since, applied on top ({@code current}). Changes are kept rather
 * than folded away so that a restarted controller still knows of a revocation the stream pushed after the document
 * was signed; they never extend {@code expiresAt}, which only a newly signed document does.
 */
record HeldAllowlist(String compact, String etag, Allowlist signed, List<AllowlistChange> changes,
                     Allowlist current) {

    HeldAllowlist {
        Objects.requireNonNull(compact, "compact");
        Objects.requireNonNull(signed, "signed");
        changes = List.copyOf(changes);
        Objects.requireNonNull(current, "current");
    }

    static HeldAllowlist of(String compact, String etag, Allowlist signed) {
        return new HeldAllowlist(compact, etag, signed, List.of(), signed);
    }

    /** After the change; empty when a change between the held version and this one was missed. */
    Optional<HeldAllowlist> with(AllowlistChange change) {
        if (change.version() <= current.version()) {
            return Optional.of(this);
        }
        return change.applyTo(current).map(next -> {
            List<AllowlistChange> more = new ArrayList<>(changes);
            more.add(change);
            return new HeldAllowlist(compact, etag, signed, more, next);
        });
    }

    /**
     * This document with those of {@code earlier} changes it does not include yet, as far as they follow on from it:
     * what a controller holds after fetching a document while changes newer than it had already arrived.
     */
    HeldAllowlist followedBy(List<AllowlistChange> earlier) {
        HeldAllowlist held = this;
        for (AllowlistChange change : earlier) {
            Optional<HeldAllowlist> next = held.with(change);
            if (next.isEmpty()) {
                break;
            }
            held = next.get();
        }
        return held;
    }

    /**
     * Why the stream last removed this card, if it did and did not add it back since: the reason a controller gives
     * offline rather than a bare "not listed".
     */
    Optional<String> removalReason(String card) {
        Map<String, String> removed = new HashMap<>();
        for (AllowlistChange change : changes) {
            change.removed().stream().filter(removal -> removal.card().equals(card))
                    .forEach(removal -> removed.put(card, removal.reason()));
            if (change.added().stream().anyMatch(entry -> entry.card().equals(card))) {
                removed.remove(card);
            }
        }
        return Optional.ofNullable(removed.get(card));
    }
}
