package org.kinlink.tracing;

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

/** Rules across the fields of any tracing form: a name of the sought person in one script at least, a plausible year of birth. */
@Documented
@Constraint(validatedBy = ValidSought.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidSought {

	String message() default "{error.invalidInput}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The earliest year of birth accepted, as on the letter form. */
	int OLDEST_BIRTH_YEAR = 1900;

	/** Names each broken rule on its field, so the form shows it in place. */
	class Validator implements ConstraintValidator<ValidSought, SoughtPerson> {

		private final Clock clock;

		private final ZoneId zone;

		public Validator(Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public boolean isValid(SoughtPerson request, ConstraintValidatorContext context) {
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
				if (year == null || year < OLDEST_BIRTH_YEAR || year > clock.instant().atZone(zone).getYear()) {
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
