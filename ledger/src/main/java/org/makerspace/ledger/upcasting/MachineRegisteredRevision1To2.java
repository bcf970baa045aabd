package org.makerspace.ledger.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.makerspace.ledger.lab.api.MachineRegistered;

/**
 * Revision 2 of {@link MachineRegistered} says since when the machine is in service; a revision 1 event did not, so
 * {@code inServiceSince} is empty, meaning when the event was recorded.
 */
public final class MachineRegisteredRevision1To2 extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(MachineRegistered.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(MachineRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class,
                                            payload -> ((ObjectNode) payload).putNull("inServiceSince"));
    }
}
