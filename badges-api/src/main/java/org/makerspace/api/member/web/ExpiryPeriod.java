package org.makerspace.api.member.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 period after which a certification expires: positive, and at most {@value #MAX_YEARS} years, however it
 * is written ({@code P100Y}, {@code P1200M}, {@code P36525D}). Longer means "never", which says so; and a period such
 * as {@code P999999999Y} overflowed the date it was added to (a 500). Null is valid: whether the kind of expiry needs
 * a period is the request's business.
 */
@Documented
@Constraint(validatedBy = ExpiryPeriod.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@interface ExpiryPeriod {

    int MAX_YEARS = 100;

    String message() default "must be a positive ISO-8601 period of at most " + MAX_YEARS
            + " years, such as P1Y or P6M";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ExpiryPeriod, String> {

        /** A century from a reference date: 36525 days from 2000-01-01, the longest way to write 100 years. */
        private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
        private static final LocalDate UNTIL = FROM.plusYears(MAX_YEARS);

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            if (text == null) {
                return true;
            }
            Period period;
            try {
                period = Period.parse(text);
            } catch (DateTimeParseException e) {
                return false;
            }
            return !period.isNegative() && !period.isZero() && withinMaximum(period);
        }

        private static boolean withinMaximum(Period period) {
            // Each part within the whole first, so that adding them cannot overflow.
            if (period.getYears() > MAX_YEARS || period.getMonths() > MAX_YEARS * 12
                    || period.getDays() > UNTIL.toEpochDay() - FROM.toEpochDay()) {
                return false;
            }
            try {
                return !FROM.plus(period).isAfter(UNTIL);
            } catch (DateTimeException | ArithmeticException e) {
                return false;
            }
        }
    }
}
