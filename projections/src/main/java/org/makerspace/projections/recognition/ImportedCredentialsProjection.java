package org.makerspace.projections.recognition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * One document per member with the credentials they imported, written before the immutable row is swapped into a
 * concurrent map; the constructor loads the documents back after a restart, so reads never reach the database. A
 * member's events come from one aggregate and are handled in order, so each member's row has one writer.
 */
@ProcessingGroup(ImportedCredentialsProjection.PROCESSING_GROUP)
public class ImportedCredentialsProjection {

    public static final String PROCESSING_GROUP = "imported-credentials";
    static final String MEMBERS = "recognition_imported_credentials";

    private final RowCollection<ImportedCredentials> rows;
    private final ConcurrentMap<MemberId, ImportedCredentials> members = new ConcurrentHashMap<>();

    public ImportedCredentialsProjection(LedgerStorage storage) {
        this.rows = new RowCollection<>(storage, MEMBERS, ImportedCredentials.class, ImportedCredentials::id);
        load();
    }

    /** Replaces the in-memory state with the stored documents: a scan, at startup. */
    public final void load() {
        members.clear();
        for (ImportedCredentials member : rows.findAll()) {
            members.put(member.memberId(), member);
        }
    }

    // ---------------------------------------------------------------- reads, from memory

    @QueryHandler
    public ImportedCredentials find(FindImportedCredentials query) {
        return members.getOrDefault(query.memberId(), ImportedCredentials.none(query.memberId()));
    }

    /**
     * The achievements the member holds at {@code at} through imported credentials, in import order; for machine
     * access, which must still check that the issuer is a partner of the machine's lab at that time.
     */
    public List<ImportedAchievement> achievementsHeld(MemberId member, Instant at) {
        List<ImportedAchievement> held = new ArrayList<>();
        for (ImportedCredential credential : find(new FindImportedCredentials(member)).credentials()) {
            if (credential.holdsAt(at)) {
                held.add(new ImportedAchievement(credential.issuerId(), credential.achievementId(),
                                                 credential.validUntil()));
            }
        }
        return held;
    }

    /** A member's imported credential, as the watcher of the issuers' lists needs it. */
    public record Followed(MemberId memberId, ImportedCredential credential) {
    }

    /**
     * Every imported credential whose issuer's status lists are worth reading at {@code at} (see
     * {@link ImportedCredential#followedAt}), from memory.
     */
    public List<Followed> followedAt(Instant at) {
        List<Followed> followed = new ArrayList<>();
        for (ImportedCredentials member : members.values()) {
            for (ImportedCredential credential : member.credentials()) {
                if (credential.followedAt(at)) {
                    followed.add(new Followed(member.memberId(), credential));
                }
            }
        }
        return followed;
    }

    // ---------------------------------------------------------------- events

    @EventHandler
    void on(ExternalCredentialImported event) {
        ImportedCredentials known = members.getOrDefault(event.memberId(), ImportedCredentials.none(event.memberId()));
        save(known, known.with(ImportedCredential.imported(event)));
    }

    @EventHandler
    void on(ImportedCredentialIssuerStatusChanged event) {
        ImportedCredentials known = members.getOrDefault(event.memberId(), ImportedCredentials.none(event.memberId()));
        save(known, known.with(event));
    }

    private void save(ImportedCredentials known, ImportedCredentials changed) {
        if (!changed.equals(known)) {
            rows.save(changed);
            members.put(changed.memberId(), changed);
        }
    }

    @ResetHandler
    void reset() {
        rows.clear();
        members.clear();
    }
}
