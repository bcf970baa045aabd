package org.makerspace.projections.recognition;

import static org.makerspace.projections.support.ImmutableLists.appended;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;

/** The credentials a member imported, in the order they were imported; none for a member who imported none. */
public record ImportedCredentials(MemberId memberId, List<ImportedCredential> credentials) {

    public ImportedCredentials {
        Objects.requireNonNull(memberId, "memberId");
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    static ImportedCredentials none(MemberId memberId) {
        return new ImportedCredentials(memberId, List.of());
    }

    String id() {
        return memberId.value();
    }

    /** The member's credentials with this one; one already known by its import id is left as it is. */
    ImportedCredentials with(ImportedCredential credential) {
        if (credentials.stream().anyMatch(known -> known.importId().equals(credential.importId()))) {
            return this;
        }
        return new ImportedCredentials(memberId, appended(credentials, credential));
    }

    /** The member's credentials with what the issuer of one of them says of it now. */
    ImportedCredentials with(ImportedCredentialIssuerStatusChanged event) {
        List<ImportedCredential> changed = new ArrayList<>(credentials.size());
        for (ImportedCredential credential : credentials) {
            changed.add(credential.credentialId().equals(event.credentialId()) ? credential.with(event) : credential);
        }
        return new ImportedCredentials(memberId, changed);
    }
}
