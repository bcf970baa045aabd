package org.makerspace.projections.credential.ob3;

import java.util.Objects;

/**
 * A {@code credentialStatus} entry, made by the status list owner and passed through as is: for a W3C Bitstring
 * Status List, type {@code BitstringStatusListEntry} with its purpose, index and list credential URL.
 */
public record StatusEntry(String id, String type, String statusPurpose, String statusListIndex,
                          String statusListCredential) {

    public static final String BITSTRING_STATUS_LIST_ENTRY = "BitstringStatusListEntry";

    public StatusEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(statusPurpose, "statusPurpose");
        Objects.requireNonNull(statusListIndex, "statusListIndex");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
    }

    public static StatusEntry bitstring(String id, String statusPurpose, long index, String statusListCredential) {
        return new StatusEntry(id, BITSTRING_STATUS_LIST_ENTRY, statusPurpose, Long.toString(index),
                               statusListCredential);
    }
}
