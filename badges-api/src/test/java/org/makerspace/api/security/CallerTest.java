package org.makerspace.api.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class CallerTest {

    private static final Caller PLATFORM_ADMIN = new Caller("root", EnumSet.of(Role.PLATFORM_ADMIN), null, null, null, null);
    private static final Caller LAB_ADMIN = new Caller("ada", EnumSet.of(Role.LAB_ADMIN), "lab-1", null, null, null);
    private static final Caller TRAINER = new Caller("tom", EnumSet.of(Role.TRAINER), "lab-1", "t-1", null, null);
    private static final Caller LEARNER = new Caller("lea", EnumSet.of(Role.LEARNER), "lab-1", null, "m-1", null);
    private static final Caller MACHINE = new Caller("machine:lab-1/laser-1", EnumSet.of(Role.MACHINE), "lab-1", null,
                                                     null, "laser-1");

    @Test
    void platformAdminPassesEveryStaffCheck() {
        assertThatCode(() -> {
            PLATFORM_ADMIN.requirePlatformAdmin();
            PLATFORM_ADMIN.requireLabAdmin("any-lab");
            PLATFORM_ADMIN.requireLabStaff("any-lab");
            PLATFORM_ADMIN.requireMemberOrStaff("m-9", "any-lab");
        }).doesNotThrowAnyException();
    }

    @Test
    void platformAdminIsNoMachine() {
        assertThatThrownBy(() -> PLATFORM_ADMIN.requireMachine("laser-1")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void labAdminIsStaffOfTheirLabOnly() {
        assertThatCode(() -> LAB_ADMIN.requireLabStaff("lab-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> LAB_ADMIN.requireLabAdmin("lab-2")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("requires LAB_ADMIN of lab lab-2");
        assertThatThrownBy(LAB_ADMIN::requirePlatformAdmin).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void trainerIsStaffButNoLabAdmin() {
        assertThatCode(() -> TRAINER.requireLabStaff("lab-1")).doesNotThrowAnyException();
        assertThatCode(() -> TRAINER.requireMemberOrStaff("m-1", "lab-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TRAINER.requireLabAdmin("lab-1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TRAINER.requireLabStaff("lab-2")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void learnerReachesOnlyTheirOwnRecord() {
        assertThatCode(() -> LEARNER.requireMemberOrStaff("m-1", "lab-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> LEARNER.requireMemberOrStaff("m-2", "lab-1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> LEARNER.requireLabStaff("lab-1")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheMemberThemselfPassesTheMembersOwnCheck() {
        assertThatCode(() -> LEARNER.requireMember("m-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> LEARNER.requireMember("m-2")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("requires member m-2 themself");
        for (Caller staff : new Caller[] {PLATFORM_ADMIN, LAB_ADMIN, TRAINER}) {
            assertThatThrownBy(() -> staff.requireMember("m-1")).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void machineIsItselfOnly() {
        assertThatCode(() -> MACHINE.requireMachine("lab-1", "laser-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> MACHINE.requireMachine("laser-2")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> MACHINE.requireMachine("lab-2", "laser-1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> MACHINE.requireLabStaff("lab-1")).isInstanceOf(AccessDeniedException.class);
    }
}
