package org.makerspace.api.member.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.makerspace.ledger.member.api.CertificationLevel;

/**
 * The « certify » form of a learner's page, as posted. Its certification id is made when the form is shown, so that
 * the same form sent twice (a double tap, a reload) records one certification.
 *
 * @param validity    how long it is valid: {@code P6M}, {@code P1Y}, {@code P2Y}, or {@code never}
 * @param trainerId   who assessed the learner: the trainer themself, or, for a lab admin, a trainer they name
 */
record CertifyForm(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String machineType,
                   @NotNull CertificationLevel level,
                   @NotBlank @Pattern(regexp = "P6M|P1Y|P2Y|never") String validity,
                   @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}") String trainerId,
                   @NotBlank @Pattern(regexp = "c-[0-9a-f-]{36}") String certificationId) {

    /** What the form offers first: autonomous, for a year, the one machine type the lab has if it has one. */
    static CertifyForm prefilled(String machineType, String certificationId) {
        return new CertifyForm(machineType, CertificationLevel.AUTONOMOUS, "P1Y", null, certificationId);
    }
}
