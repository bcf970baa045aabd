package org.makerspace.ledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.makerspace.ledger.recognition.api.ExternalCredentialImported;

/**
 * Revision 2 of {@link ExternalCredentialImported} names the status lists of the credential; a revision 1 event did
 * not keep them, so {@code statusEntries} is null: unknown, which is not the same as an empty list (a credential
 * naming none).
 */
public final class ExternalCredentialImportedRevision1To2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(ExternalCredentialImported.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(ExternalCredentialImported.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class,
                                            payload -> ((ObjectNode) payload).putNull("statusEntries"));
    }
}
