package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AccountSpecTest {

    @Test
    void usernameIsLowercased() {
        Account.Spec spec = new Account.Spec("Ada.Lovelace@Lab", EnumSet.of(Role.PLATFORM_ADMIN), null, null, null);

        assertThat(spec.username()).isEqualTo("ada.lovelace@lab");
    }

    @Test
    void machineIsNoRoleOfAnAccount() {
        assertThatThrownBy(() -> new Account.Spec("box", EnumSet.of(Role.MACHINE), "lab-1", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MACHINE");
    }

    @Test
    void labRolesNeedTheirScope() {
        assertThatThrownBy(() -> new Account.Spec("ada", EnumSet.of(Role.LAB_ADMIN), null, null, null))
                .hasMessage("labId is required for LAB_ADMIN, TRAINER or LEARNER");
        assertThatThrownBy(() -> new Account.Spec("lea", EnumSet.of(Role.LEARNER), "lab-1", null, null))
                .hasMessage("memberId is required for LEARNER");
    }

    @Test
    void aLearnersAccountIsTheirsAloneAndAPlatformAdminNeedsNoOtherRole() {
        assertThatThrownBy(() -> new Account.Spec("all-roles", EnumSet.of(Role.LEARNER, Role.TRAINER, Role.LAB_ADMIN),
                                                  "lab-1", "t-1", "m-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("roles: ")
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> new Account.Spec("learner-trainer", EnumSet.of(Role.LEARNER, Role.TRAINER), "lab-1", "t-1", "m-1"))
                .hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> new Account.Spec("platform-lab", EnumSet.of(Role.PLATFORM_ADMIN, Role.LAB_ADMIN), "lab-1",
                                                  null, null))
                .hasMessageContaining("cannot be combined");
    }

    @Test
    void anAdminMayAlsoTrain() {
        Account.Spec spec = new Account.Spec("ada", EnumSet.of(Role.LAB_ADMIN, Role.TRAINER), "lab-1", "t-1", null);

        assertThat(spec.roles()).containsExactlyInAnyOrder(Role.LAB_ADMIN, Role.TRAINER);
    }

    @Test
    void scopeThatNoRoleUsesIsRefused() {
        assertThatThrownBy(() -> new Account.Spec("root", EnumSet.of(Role.PLATFORM_ADMIN), "lab-1", null, null))
                .hasMessage("labId applies only to LAB_ADMIN, TRAINER or LEARNER");
    }

    @Test
    void scopesAreIdentifiers() {
        assertThatThrownBy(() -> new Account.Spec("ada", EnumSet.of(Role.LAB_ADMIN), "lab/1", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labId");
    }
}
