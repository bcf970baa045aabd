package org.makerspace.projections.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.makerspace.ledger.lab.api.LabId;
import org.makerspace.projections.credential.PublicUrls;
import org.makerspace.projections.credential.ob3.StatusEntry;
import org.makerspace.projections.credential.ob3.StatusReason;
import org.makerspace.projections.credential.ob3.VerificationHook;
import org.makerspace.projections.status.StatusList;
import org.makerspace.projections.status.StatusListId;
import org.makerspace.projections.status.StatusListRegistry;
import org.makerspace.projections.status.StatusPurpose;

/**
 * The status hook for credentials of this installation, read from the status list registry rather than fetched: each
 * {@code BitstringStatusListEntry} must name one of our lists, and its bit must be clear. A revocation entry also
 * stands for the suspension list of the same lab at the same index, since a credential can carry only one entry (see
 * the package description).
 */
public final class RegistryStatusCheck {

    private RegistryStatusCheck() {
    }

    public static VerificationHook of(StatusListRegistry registry, PublicUrls urls) {
        return presented -> {
            JsonNode status = presented.credential().get("credentialStatus");
            if (status == null || status.isNull()) {
                return VerificationHook.Outcome.failed(StatusReason.INVALID, "the credential names no status list");
            }
            List<JsonNode> entries = new ArrayList<>();
            if (status.isArray()) {
                status.forEach(entries::add);
            } else {
                entries.add(status);
            }
            Set<String> checked = new LinkedHashSet<>();
            for (JsonNode entry : entries) {
                Optional<VerificationHook.Outcome> refusal = refusal(entry, registry, urls, checked);
                if (refusal.isPresent()) {
                    return refusal.get();
                }
            }
            return VerificationHook.Outcome.ok(StatusReason.ACTIVE,
                                               "neither revoked nor suspended: " + String.join(", ", checked));
        };
    }

    private static Optional<VerificationHook.Outcome> refusal(JsonNode entry, StatusListRegistry registry,
                                                              PublicUrls urls, Set<String> checked) {
        if (!StatusEntry.BITSTRING_STATUS_LIST_ENTRY.equals(entry.path("type").asText())) {
            return invalid("unsupported credentialStatus type " + entry.path("type"));
        }
        String listUrl = entry.path("statusListCredential").asText();
        Optional<StatusListId> listId = listOf(listUrl, urls);
        int index;
        try {
            index = Integer.parseInt(entry.path("statusListIndex").asText());
        } catch (NumberFormatException e) {
            return invalid("the statusListIndex " + entry.path("statusListIndex") + " is not a number");
        }
        if (listId.isEmpty()) {
            return invalid("the status list " + listUrl + " is not one of ours");
        }
        List<StatusListId> lists = new ArrayList<>(List.of(listId.get()));
        if (listId.get().purpose() == StatusPurpose.REVOCATION) {
            lists.add(new StatusListId(listId.get().labId(), StatusPurpose.SUSPENSION));
        }
        for (StatusListId list : lists) {
            Optional<StatusList> bits = registry.list(list);
            if (bits.isEmpty() || index < 0 || index >= bits.get().size()) {
                return invalid("status list " + urls.statusList(list) + " has no entry " + index);
            }
            if (bits.get().get(index)) {
                String state = list.purpose() == StatusPurpose.REVOCATION ? StatusReason.REVOKED : StatusReason.SUSPENDED;
                return Optional.of(VerificationHook.Outcome.failed(
                        state, state + " (bit " + index + " of " + urls.statusList(list) + " is set)"));
            }
            checked.add(list.purpose() + " bit " + index + " clear");
        }
        return Optional.empty();
    }

    private static Optional<VerificationHook.Outcome> invalid(String detail) {
        return Optional.of(VerificationHook.Outcome.failed(StatusReason.INVALID, detail));
    }

    /** The list a URL names, if it is one of ours: {@code <base>/status-lists/<labId>/<purpose>}. */
    private static Optional<StatusListId> listOf(String url, PublicUrls urls) {
        String prefix = urls.base() + StatusListId.PATH;
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = url.substring(prefix.length()).split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        for (StatusPurpose purpose : StatusPurpose.values()) {
            if (purpose.value().equals(parts[1])) {
                try {
                    StatusListId id = new StatusListId(LabId.of(parts[0]), purpose);
                    return urls.statusList(id).equals(url) ? Optional.of(id) : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
