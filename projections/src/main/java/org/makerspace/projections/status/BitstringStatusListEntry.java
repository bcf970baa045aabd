package org.makerspace.projections.status;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One {@code credentialStatus} entry of a credential: where its bit for one purpose is. {@code statusListIndex} is
 * a string of decimal digits, as the specification wants; {@code id} is the list URL with the index as fragment.
 */
@JsonPropertyOrder({"id", "type", "statusPurpose", "statusListIndex", "statusListCredential"})
public record BitstringStatusListEntry(String id, String type, String statusPurpose, String statusListIndex,
                                       String statusListCredential) {

    public static final String TYPE = "BitstringStatusListEntry";

    static BitstringStatusListEntry of(String listUrl, StatusPurpose purpose, int index) {
        String position = Integer.toString(index);
        return new BitstringStatusListEntry(listUrl + "#" + position, TYPE, purpose.value(), position, listUrl);
    }
}
