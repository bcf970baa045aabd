package org.makerspace.api.member.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import org.makerspace.ledger.member.api.CertificationLevel;
import org.makerspace.ledger.member.api.CertificationScope;
import org.makerspace.ledger.member.api.ContributionRole;
import org.makerspace.ledger.member.api.ExpiryRule;

/** The JSON bodies of the member endpoints; times left out default to the moment of the request. */
final class MemberRequests {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";
    static final String ID_MESSAGE = "must be 1-100 letters, digits, '.', '_', ':' or '-'";
    /**
     * Hours carry at most two decimals: {@code 1e-999999999} is more than 0, but adding it to another number of hours
     * (as the passport's totals do) builds a number of a billion digits, holding a thread for minutes.
     */
    static final String HOURS = "More than 0 and at most 1000 hours, with at most two decimals (2.5, 0.25)";

    private MemberRequests() {
    }

    record RegisterMemberRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String memberId,
            @NotBlank @Size(max = 100) String displayName,
            @Email @Size(max = 200) String email,
            @Min(1900) @Max(2100) Integer birthYear,
            Instant registeredAt) {
    }

    record JoinLabRequest(@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String labId, Instant joinedAt) {
    }

    /**
     * @param labId the lab whose machines will read the card (its card key fingerprints it), one the member belongs
     *              to; by default the caller's own lab when the member belongs to it, else the member's first lab
     */
    record LinkCardRequest(@NotBlank @Size(max = 100) String cardUid,
                           @Pattern(regexp = ID, message = ID_MESSAGE) String labId, Instant linkedAt) {
    }

    record UnlinkCardRequest(@NotBlank @Size(max = 100) String cardUid, @NotBlank @Size(max = 500) String reason,
                             @Pattern(regexp = ID, message = ID_MESSAGE) String labId, Instant unlinkedAt) {
    }

    record RecordTrainingRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String trainingId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String labId,
            @NotBlank @Size(max = 100) String courseCode,
            @Schema(description = HOURS) @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            @Digits(integer = 4, fraction = 2) BigDecimal hours,
            @Pattern(regexp = ID, message = ID_MESSAGE) String trainerId,
            Instant completedAt) {
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason, Instant at) {
    }

    record AtRequest(Instant at) {
    }

    /** Exactly one of machineId and machineType. */
    record ScopeRequest(@Pattern(regexp = ID, message = ID_MESSAGE) String machineId, String machineType) {

        CertificationScope toScope() {
            return CertificationScope.ofOne("scope", machineId, machineType);
        }
    }

    /** The longest "months without use" an inactivity expiry may set: ten years, as the ledger's rule allows. */
    static final int MAX_INACTIVITY_MONTHS = 120;

    /**
     * {@code kind}: {@code never}, {@code after-period} (with an ISO-8601 {@code period} such as {@code P1Y}),
     * {@code on-date} (with {@code validUntil}) or {@code after-inactivity} (with {@code months}).
     */
    record ExpiryRequest(
            @NotBlank String kind,
            @Schema(description = "For after-period: an ISO-8601 period from the grant, positive and at most "
                                  + ExpiryPeriod.MAX_YEARS + " years (P100Y, P1200M or P36525D)", example = "P1Y")
            @ExpiryPeriod String period,
            Instant validUntil,
            @Schema(description = "For after-inactivity: months without use of a machine the certification covers")
            @Min(1) @Max(MAX_INACTIVITY_MONTHS) Integer months) {

        ExpiryRule toRule() {
            return switch (kind) {
                case "never" -> new ExpiryRule.Never();
                case "after-period" -> new ExpiryRule.AfterPeriod(parsePeriod());
                case "on-date" -> new ExpiryRule.OnDate(require(validUntil, "expiry.validUntil"));
                case "after-inactivity" -> new ExpiryRule.AfterInactivity(require(months, "expiry.months"));
                default -> throw new IllegalArgumentException(
                        "expiry.kind must be never, after-period, on-date or after-inactivity, but was '" + kind + "'");
            };
        }

        private Period parsePeriod() {
            try {
                return Period.parse(require(period, "expiry.period"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("expiry.period must be an ISO-8601 period such as P1Y or P6M, but was '" + period + "'");
            }
        }

        private static <T> T require(T value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required for this kind of expiry");
            }
            return value;
        }
    }

    record GrantCertificationRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String certificationId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String labId,
            @NotNull @Valid ScopeRequest scope,
            @NotNull CertificationLevel level,
            @NotNull @Valid ExpiryRequest expiry,
            @Pattern(regexp = ID, message = ID_MESSAGE) String trainerId,
            Instant grantedAt) {
    }

    /** The member's choice: {@code true} to show their name on their credentials, {@code false} to stop. */
    record CredentialNameRequest(@NotNull Boolean showName) {
    }

    record RecordContributionRequest(
            @Pattern(regexp = ID, message = ID_MESSAGE) String contributionId,
            @NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String labId,
            @NotBlank @Size(max = 200) String workshop,
            @NotNull ContributionRole role,
            @Schema(description = HOURS) @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
            @Digits(integer = 4, fraction = 2) BigDecimal hours,
            Instant happenedAt) {
    }
}
