package org.makerspace.ledger.member.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import org.makerspace.ledger.lab.api.MachineId;
import org.makerspace.ledger.lab.api.MachineType;

/** What a certification covers: one machine, or every machine of a type in the granting lab. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CertificationScope.OneMachine.class, name = "machine"),
        @JsonSubTypes.Type(value = CertificationScope.MachineFamily.class, name = "machine-type")
})
public sealed interface CertificationScope {

    /**
     * The scope a request names by exactly one of a machine id and a machine type code; {@code field} names the
     * request's field in the refusal.
     */
    static CertificationScope ofOne(String field, String machineId, String machineType) {
        if ((machineId == null) == (machineType == null)) {
            throw new IllegalArgumentException(field + ": give exactly one of machineId and machineType");
        }
        return machineId != null
                ? new OneMachine(MachineId.of(machineId))
                : new MachineFamily(MachineType.of(machineType));
    }

    /** Whether a machine of this id and type is covered. */
    boolean covers(MachineId machine, MachineType type);

    record OneMachine(MachineId machineId) implements CertificationScope {
        public OneMachine {
            Objects.requireNonNull(machineId, "machineId");
        }

        @Override
        public boolean covers(MachineId machine, MachineType type) {
            return machineId.equals(machine);
        }
    }

    record MachineFamily(MachineType machineType) implements CertificationScope {
        public MachineFamily {
            Objects.requireNonNull(machineType, "machineType");
        }

        @Override
        public boolean covers(MachineId machine, MachineType type) {
            return machineType.equals(type);
        }
    }
}
