package org.makerspace.projections.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The unsigned body of a status list credential, for the signer to complete with {@code issuer} and a proof.
 * {@code validFrom} is ISO-8601 text (the time of the list's last change), so the body serialises the same with
 * any JSON mapper. Its terms are defined by the VC Data Model 2.0 context, the only one it names.
 */
@JsonPropertyOrder({"@context", "id", "type", "validFrom", "credentialSubject"})
public record BitstringStatusListCredential(@JsonProperty("@context") List<String> context, String id,
                                            List<String> type, String validFrom, Subject credentialSubject) {

    public static final String CREDENTIALS_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String TYPE = "BitstringStatusListCredential";

    public BitstringStatusListCredential {
        context = List.copyOf(context);
        type = List.copyOf(type);
    }

    /** The list itself; its {@code id} is the credential's URL with the fragment {@code #list}. */
    @JsonPropertyOrder({"id", "type", "statusPurpose", "encodedList"})
    public record Subject(String id, String type, String statusPurpose, String encodedList) {

        public static final String TYPE = "BitstringStatusList";
    }

    static BitstringStatusListCredential of(String listUrl, StatusListRow row) {
        return new BitstringStatusListCredential(
                List.of(CREDENTIALS_V2_CONTEXT), listUrl, List.of("VerifiableCredential", TYPE),
                row.changedAt().toString(),
                new Subject(listUrl + "#list", Subject.TYPE, row.listId().purpose().value(), row.encodedList()));
    }
}
