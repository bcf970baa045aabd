package org.makerspace.projections.recognition;

import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.storage.LedgerStorage;
import org.makerspace.projections.support.RowCollection;

/**
 * Reads a member's imported credentials by one point lookup, for read models that show them (the passport), while
 * {@link ImportedCredentialsProjection} stays their only writer.
 */
public final class ImportedCredentialsReader {

    private final RowCollection<ImportedCredentials> rows;

    public ImportedCredentialsReader(LedgerStorage storage) {
        this.rows = new RowCollection<>(storage, ImportedCredentialsProjection.MEMBERS, ImportedCredentials.class,
                                        ImportedCredentials::id);
    }

    /** The member's imported credentials; none when they imported none (or are unknown). */
    public ImportedCredentials of(MemberId member) {
        return rows.find(member.value()).orElseGet(() -> ImportedCredentials.none(member));
    }
}
