package org.kinlink.portal.web;

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

/** Rules across a tracing request's fields: a name of the sought person in one script at least, a plausible year of birth. */
@Documented
@Constraint(validatedBy = ValidTracing.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidTracing {

	String message() default "{error.invalidInput}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Names each broken rule on its field, so the form shows it in place. */
	class Validator implements ConstraintValidator<ValidTracing, TracingFields> {

		private final Clock clock;

		private final ZoneId zone;

		Validator(Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public boolean isValid(TracingFields request, ConstraintValidatorContext context) {
			if (request == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (blank(request.soughtNamePersian()) && blank(request.soughtNameLatin())) {
				valid = fail(context, "soughtNamePersian", "{tracing.sought.name.required}");
			}
			if (!blank(request.birthYearText())) {
				Integer year = request.birthYear();
				if (year == null || year < LetterFields.OLDEST_BIRTH_YEAR || year > clock.instant().atZone(zone).getYear()) {
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
