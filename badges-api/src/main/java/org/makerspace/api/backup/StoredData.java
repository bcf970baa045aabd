package org.makerspace.api.backup;

import java.util.Set;

/**
 * What each collection of the database is to a backup. This is the one list of them: {@code docs/operations.md}
 * explains each, and a test fails when the application writes a collection missing here.
 */
public final class StoredData {

    /** What a backup does with a collection. */
    public enum Kind {
        /** Only here: the facts, and what was written beside them. Lost with the database unless backed up. */
        KEPT,
        /** Built from the ledger by a processor; a restore leaves it out and the first start rebuilds it. */
        REBUILT,
        /** Worth nothing after a restore: positions of processors that start over, cached snapshots, sessions. */
        TRANSIENT
    }

    static final Set<String> KEPT = Set.of(
            "event_commits", "event_counters",
            "accounts", "setup", "member_directory",
            "machine_keys", "machine_key_slots", "machine_ids",
            "issuer_keys", "badge_images",
            "access_decisions");

    static final Set<String> REBUILT = Set.of(
            "access_labs", "access_machines", "access_members",
            "award_decision_definitions", "award_decision_labs", "award_decision_members",
            "award_member_awards", "award_records",
            "catalog_achievement_labs", "catalog_labs", "catalog_machines",
            "issuance_achievements", "issuance_awards", "issuance_certification_awards", "issuance_labs",
            "issuance_machines", "issuance_member_certifications", "issuance_status_causes",
            "issued_credentials", "status_allocations", "status_indexes", "status_lists",
            "passport_machines", "passport_members",
            "recognition_imported_credentials", "trust_lab_partners", "trust_partner_issuers",
            "usage_machine_months", "usage_sessions");

    static final Set<String> TRANSIENT = Set.of("processor_tokens", "event_snapshots", "access_tokens",
                                                "partner_status_readings");

    private StoredData() {
    }

    /**
     * The kind of a collection; one this list does not know is {@link Kind#KEPT}, so that a backup never leaves out
     * data nobody classified.
     */
    public static Kind of(String collection) {
        if (REBUILT.contains(collection)) {
            return Kind.REBUILT;
        }
        return TRANSIENT.contains(collection) ? Kind.TRANSIENT : Kind.KEPT;
    }

    /** Whether this list names the collection at all. */
    public static boolean known(String collection) {
        return KEPT.contains(collection) || REBUILT.contains(collection) || TRANSIENT.contains(collection);
    }
}
