package org.kinlink.tracing.requests;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.beans.factory.annotation.Value;

/** Rules across a staff entry's fields: a name of the sought person in one script at least, a plausible year of birth. */
@Documented
@Constraint(validatedBy = ValidEntry.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidEntry {

	String message() default "{error.invalidInput}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Names each broken rule on its field. */
	class Validator implements ConstraintValidator<ValidEntry, TracingEntry> {

		private final Clock clock;

		private final ZoneId zone;

		Validator(Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public boolean isValid(TracingEntry entry, ConstraintValidatorContext context) {
			if (entry == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (blank(entry.soughtNamePersian()) && blank(entry.soughtNameLatin())) {
				valid = fail(context, "soughtNamePersian", "{tracing.sought.name.required}");
			}
			if (!blank(entry.soughtBirthYear())) {
				Integer year = entry.birthYear();
				if (year == null || year < TracingEntry.OLDEST_BIRTH_YEAR || year > clock.instant().atZone(zone).getYear()) {
					valid = fail(context, "soughtBirthYear", "{tracing.sought.birthYear.range}");
				}
			}
			return valid;
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

		private static boolean fail(ConstraintValidatorContext context, String field, String message) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

	}

}
