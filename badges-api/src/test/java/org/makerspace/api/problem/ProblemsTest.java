package org.makerspace.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    @Test
    void domainCodesBecomeKebabCaseTypesAndTitles() {
        assertThat(Problems.type("MACHINE_OUT_OF_SERVICE").toString())
                .isEqualTo("https://makerspace-ledger.org/problems/machine-out-of-service");
        assertThat(Problems.titleOf("machine-out-of-service")).isEqualTo("Machine out of service");
    }

    @Test
    void statusWithoutCodeIsNamedByItsReason() {
        assertThat(Problems.codeOf(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo("payload-too-large");
    }

    @Test
    void problemWithoutRequestHasNoInstance() {
        assertThat(Problems.problem(HttpStatus.CONFLICT, "x", "d", null).getInstance()).isNull();
    }
}
