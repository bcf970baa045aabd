package org.makerspace.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DomainRefusalTest {

    @Test
    void carriesItsCodeAndMessage() {
        var refusal = new DomainRefusal("machine-out-of-service", "machine laser-1 of lab fablab-paris is out of service");

        assertThat(refusal.code()).isEqualTo("machine-out-of-service");
        assertThat(refusal).hasMessage("machine laser-1 of lab fablab-paris is out of service");
    }

    @Test
    void refusesACodeThatIsNotKebabCase() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DomainRefusal("MachineOutOfService", "whatever"))
                .withMessageContaining("kebab-case");
    }

    @Test
    void unknownReferenceIsADomainRefusal() {
        DomainRefusal refusal = new UnknownReference("unknown-lab", "lab fablab-x is not registered");

        assertThat(refusal.code()).isEqualTo("unknown-lab");
    }

    @Test
    void unknownReferenceCodeStartsWithUnknown() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnknownReference("missing-lab", "lab fablab-x is not registered"))
                .withMessageContaining("unknown-");
    }
}
