package org.makerspace.ledger.recognition;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.makerspace.ledger.common.DomainRefusal;
import org.makerspace.ledger.common.Require;
import org.makerspace.ledger.member.api.MemberId;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;
import org.makerspace.ledger.recognition.api.ImportId;
import org.makerspace.ledger.recognition.api.ImportedCredentialIssuerStatusChanged;
import org.makerspace.ledger.recognition.api.IssuerStatus;
import org.makerspace.ledger.recognition.api.RecognitionRecordId;
import org.makerspace.ledger.recognition.api.RecordImportedCredential;
import org.makerspace.ledger.recognition.api.RecordIssuerStatus;

/**
 * The credentials of other issuers a member imported, and what their issuers last said of them. The record comes into being with the member's first import,
 * so the one command both creates and extends it ({@link AggregateCreationPolicy#CREATE_IF_MISSING}) rather than
 * having a creating command of its own that nobody would send.
 */
class RecognitionRecord {

    @AggregateIdentifier
    private RecognitionRecordId recordId;
    /** Every imported credential, by its credential id, with the import that brought it. */
    private Map<String, Imported> credentials = new HashMap<>();

    /** For Axon and for snapshots. */
    RecognitionRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordImportedCredential command) {
        MemberId member = Require.present(command.memberId(), "memberId");
        ImportId importId = Require.present(command.importId(), "importId");
        String issuer = Require.httpUrl(command.issuerId(), "issuerId");
        String achievement = Require.notBlank(command.achievementId(), "achievementId");
        String name = Require.notBlank(command.achievementName(), "achievementName");
        String credential = Require.notBlank(command.credentialId(), "credentialId");
        Instant importedAt = Require.present(command.importedAt(), "importedAt");
        Imported known = credentials.get(credential);
        if (known != null) {
            throw new DomainRefusal("credential-already-imported", "credential " + credential
                    + " is already in the record of member " + member + " (import " + known.importId() + " at "
                    + known.importedAt() + ")");
        }
        if (command.validUntil() != null && !command.validUntil().isAfter(importedAt)) {
            throw new DomainRefusal("credential-expired", "credential " + credential + " of member " + member
                    + " expired at " + command.validUntil() + ", not after its import at " + importedAt);
        }
        List<CredentialStatusEntry> entries = command.statusEntries() == null ? List.of()
                : List.copyOf(command.statusEntries());
        for (CredentialStatusEntry entry : entries) {
            Require.httpUrl(entry.listUrl(), "statusEntries.listUrl");
            Require.notBlank(entry.purpose(), "statusEntries.purpose");
            if (entry.index() < 0) {
                throw new IllegalArgumentException("statusEntries.index must not be negative");
            }
        }
        apply(new ExternalCredentialImported(member, importId, issuer, achievement, name, credential,
                command.validUntil(), importedAt, entries));
    }

    /**
     * What the issuer says of an imported credential now. The status the record has already, or anything after a
     * revocation (final at the issuer as here), records nothing: the watcher of the issuers' lists repeats itself.
     */
    @CommandHandler
    void handle(RecordIssuerStatus command) {
        MemberId member = Require.present(command.memberId(), "memberId");
        String credential = Require.notBlank(command.credentialId(), "credentialId");
        IssuerStatus status = Require.present(command.status(), "status");
        Instant observedAt = Require.present(command.observedAt(), "observedAt");
        Imported known = credentials.get(credential);
        if (known == null) {
            throw new DomainRefusal("imported-credential-unknown", "member " + member
                    + " imported no credential " + credential);
        }
        if (known.status() == status || known.status() == IssuerStatus.REVOKED) {
            return;
        }
        apply(new ImportedCredentialIssuerStatusChanged(member, credential, status, observedAt,
                                                        command.lastConfirmedAt()));
    }

    @EventSourcingHandler
    private void on(ExternalCredentialImported event) {
        recordId = RecognitionRecordId.of(event.memberId());
        credentials.put(event.credentialId(), new Imported(event.importId(), event.importedAt(), IssuerStatus.ACTIVE));
    }

    @EventSourcingHandler
    private void on(ImportedCredentialIssuerStatusChanged event) {
        credentials.computeIfPresent(event.credentialId(), (id, imported) -> imported.withStatus(event.status()));
    }

    /** What a refusal of a repeated import names (the import that came first), and what its issuer last said. */
    private record Imported(ImportId importId, Instant importedAt, IssuerStatus status) {

        /** A snapshot taken before statuses were followed has none: the issuer had said nothing against it. */
        Imported {
            status = status == null ? IssuerStatus.ACTIVE : status;
        }

        Imported withStatus(IssuerStatus changed) {
            return new Imported(importId, importedAt, changed);
        }
    }
}
