package org.makerspace.machine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@value #EVENT} event of the stream: how a machine's allowlist went from {@code previousVersion} to
 * {@code version}. {@code removed} cards are no longer allowed, each with the reason the server would now give when
 * asked; {@code added} are new or changed entries, each replacing whatever the controller held for that card. The
 * machine's settings are repeated whole, so a change of opening hours or service needs no field of its own.
 *
 * <p>A controller applies a change at once (it is what makes a revocation take effect in under a second), then fetches
 * the signed document when it likes: a change does not extend how long the controller may decide offline.
 */
public record AllowlistChange(String machineId, long version, long previousVersion, boolean inService,
                              int maxSessionMinutes, OpeningHours openingHours, List<Removal> removed,
                              List<Allowlist.Entry> added) {

    /** The SSE event name. */
    public static final String EVENT = "change";

    /**
     * A card no longer allowed. Reasons are the access answers' codes: {@code revoked}, {@code suspended},
     * {@code expired}, {@code member_suspended}, {@code no_certification}, {@code machine_out_of_service}, and
     * {@code unknown_card} when the card was unlinked; a controller treats a code it does not know as a removal all
     * the same.
     */
    public record Removal(String card, String reason) {

        public Removal {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public AllowlistChange {
        Objects.requireNonNull(machineId, "machineId");
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    /**
     * The list after this change. Empty when the list is older than the change's start, since a change in between was
     * missed: fetch the signed document then. A change the list already includes leaves it as it is.
     */
    public Optional<Allowlist> applyTo(Allowlist allowlist) {
        if (version <= allowlist.version()) {
            return Optional.of(allowlist);
        }
        if (previousVersion != allowlist.version()) {
            return Optional.empty();
        }
        Map<String, Allowlist.Entry> entries = new LinkedHashMap<>();
        for (Allowlist.Entry entry : allowlist.entries()) {
            entries.put(entry.card(), entry);
        }
        for (Removal removal : removed) {
            entries.remove(removal.card());
        }
        for (Allowlist.Entry entry : added) {
            entries.put(entry.card(), entry);
        }
        return Optional.of(allowlist.with(version, inService, maxSessionMinutes, openingHours,
                                          new ArrayList<>(entries.values())));
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machineId", machineId);
        json.put("version", version);
        json.put("previousVersion", previousVersion);
        json.put("inService", inService);
        json.put("maxSessionMinutes", maxSessionMinutes);
        if (openingHours != null) {
            json.put("openingHours", openingHours.toJson());
        }
        List<Map<String, Object>> removals = new ArrayList<>(removed.size());
        for (Removal removal : removed) {
            Map<String, Object> written = new LinkedHashMap<>();
            written.put("card", removal.card());
            written.put("reason", removal.reason());
            removals.add(written);
        }
        json.put("removed", removals);
        json.put("added", added.stream().map(Allowlist.Entry::toJson).toList());
        return Json.write(json);
    }

    public static AllowlistChange fromJson(String event) {
        Map<String, Object> json = Json.parse(event);
        List<Removal> removed = new ArrayList<>();
        for (Map<String, Object> removal : Json.objects(json, "removed")) {
            removed.add(new Removal(Json.string(removal, "card"), Json.string(removal, "reason")));
        }
        List<Allowlist.Entry> added = new ArrayList<>();
        for (Map<String, Object> entry : Json.objects(json, "added")) {
            added.add(Allowlist.Entry.fromJson(entry));
        }
        return new AllowlistChange(Json.string(json, "machineId"), Json.number(json, "version"),
                                   Json.number(json, "previousVersion"), Json.bool(json, "inService"),
                                   Json.smallNumber(json, "maxSessionMinutes"),
                                   OpeningHours.fromJson(Json.optionalObject(json, "openingHours")), removed, added);
    }
}
