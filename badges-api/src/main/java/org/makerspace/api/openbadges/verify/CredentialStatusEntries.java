package org.makerspace.api.openbadges.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.makerspace.ledger.recognition.api.CredentialStatusEntry;

/**
 * A credential's {@code credentialStatus} entries as the ledger keeps them for an imported credential, and back: what
 * its issuer's status lists need to be read again later, without keeping the credential itself (which names a
 * person).
 */
public final class CredentialStatusEntries {

    private CredentialStatusEntries() {
    }

    /** The entries of a verified credential: none when it names no status list. */
    public static List<CredentialStatusEntry> of(JsonNode credential) {
        JsonNode status = credential.get("credentialStatus");
        List<CredentialStatusEntry> entries = new ArrayList<>();
        if (status == null || status.isNull()) {
            return entries;
        }
        for (JsonNode entry : status.isArray() ? status : List.of(status)) {
            entries.add(new CredentialStatusEntry(CredentialFields.text(entry, "type"),
                                                  CredentialFields.text(entry, "statusPurpose"),
                                                  CredentialFields.text(entry, "statusListCredential"),
                                                  Long.parseLong(entry.path("statusListIndex").asText("-1"))));
        }
        return entries;
    }

    /** The {@code credentialStatus} these entries were read from. */
    static JsonNode toJson(List<CredentialStatusEntry> entries) {
        ArrayNode status = JsonNodeFactory.instance.arrayNode();
        for (CredentialStatusEntry entry : entries) {
            ObjectNode json = status.addObject();
            json.put("type", entry.type());
            json.put("statusPurpose", entry.purpose());
            json.put("statusListCredential", entry.listUrl());
            json.put("statusListIndex", String.valueOf(entry.index()));
        }
        return status.size() == 1 ? status.get(0) : status;
    }
}
