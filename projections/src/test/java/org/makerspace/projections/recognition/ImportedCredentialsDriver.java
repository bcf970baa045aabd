package org.makerspace.projections.recognition;

import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.storage.LedgerStorage;

/** Feeds the imported-credentials projection from tests of other packages, whose handlers they cannot call. */
public final class ImportedCredentialsDriver {

    private final ImportedCredentialsProjection projection;

    public ImportedCredentialsDriver(LedgerStorage storage) {
        this.projection = new ImportedCredentialsProjection(storage);
    }

    public void apply(ExternalCredentialImported event) {
        projection.on(event);
    }
}
