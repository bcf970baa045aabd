package org.makerspace.machine.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cards allowed on one machine, as its controller keeps them to decide while it cannot reach the server: the
 * payload of the signed allowlist (see {@link AllowlistJws}).
 *
 * <p>A controller decides offline from it only until {@code expiresAt}, and then fails closed. An entry holds until
 * its {@code validUntil} (null: no end). Cards are known by their keyed fingerprint ({@code cf2_} + HMAC-SHA256 of
 * the UID under the lab's card key), never by UID.
 *
 * @param version            grows with every change of the entries or of the machine's settings; two documents of one
 *                           version list the same cards, the later {@code issuedAt} lasts longer
 * @param inService          false: the machine is out of service, the list is empty and nobody may use it
 * @param maxSessionMinutes  the machine's longest session, cut at closing time and at the entry's end
 * @param supervisionMinutes how long after a TRAINER entry was let in SUPERVISED entries are let in too
 * @param openingHours       the machine's effective hours (its own, else its lab's); null: always open
 * @param entries            by card, in fingerprint order
 */
public record Allowlist(String labId, String machineId, long version, Instant issuedAt, Instant expiresAt,
                        boolean inService, int maxSessionMinutes, int supervisionMinutes, OpeningHours openingHours,
                        List<Entry> entries) {

    /** One card: the level of its holder's best valid certification on the machine, and until when it holds. */
    public record Entry(String card, Level level, Instant validUntil) {

        public Entry {
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(level, "level");
        }

        public boolean holdsAt(Instant at) {
            return validUntil == null || at.isBefore(validUntil);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("card", card);
            json.put("level", level.code());
            if (validUntil != null) {
                json.put("validUntil", validUntil.toString());
            }
            return json;
        }

        static Entry fromJson(Map<String, Object> json) {
            return new Entry(Json.string(json, "card"), Level.ofCode(Json.string(json, "level")),
                             Json.optionalInstant(json, "validUntil"));
        }
    }

    public Allowlist {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(machineId, "machineId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        List<Entry> sorted = new ArrayList<>(entries == null ? List.of() : entries);
        sorted.sort(Comparator.comparing(Entry::card));
        entries = List.copyOf(sorted);
    }

    public Optional<Entry> entry(String card) {
        return entries.stream().filter(entry -> entry.card().equals(card)).findFirst();
    }

    /** The JSON document, fields in a fixed order; optional fields are left out rather than null. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labId", labId);
        json.put("machineId", machineId);
        json.put("version", version);
        json.put("issuedAt", issuedAt.toString());
        json.put("expiresAt", expiresAt.toString());
        json.put("inService", inService);
        json.put("maxSessionMinutes", maxSessionMinutes);
        json.put("supervisionMinutes", supervisionMinutes);
        if (openingHours != null) {
            json.put("openingHours", openingHours.toJson());
        }
        json.put("entries", entries.stream().map(Entry::toJson).toList());
        return Json.write(json);
    }

    /** Reads the document; a missing or mistyped field is an {@link IllegalArgumentException} naming it. */
    public static Allowlist fromJson(String document) {
        Map<String, Object> json = Json.parse(document);
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> entry : Json.objects(json, "entries")) {
            entries.add(Entry.fromJson(entry));
        }
        return new Allowlist(Json.string(json, "labId"), Json.string(json, "machineId"), Json.number(json, "version"),
                             Json.instant(json, "issuedAt"), Json.instant(json, "expiresAt"),
                             Json.bool(json, "inService"), Json.smallNumber(json, "maxSessionMinutes"),
                             Json.smallNumber(json, "supervisionMinutes"),
                             OpeningHours.fromJson(Json.optionalObject(json, "openingHours")), entries);
    }

    /** The same document with other entries and settings: what a pushed change makes of it. */
    Allowlist with(long newVersion, boolean service, int sessionMinutes, OpeningHours hours, List<Entry> newEntries) {
        return new Allowlist(labId, machineId, newVersion, issuedAt, expiresAt, service, sessionMinutes,
                             supervisionMinutes, hours, newEntries);
    }
}
