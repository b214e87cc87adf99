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

/**
 * Rules across a letter's fields: a name for the sender and for the addressee in at least one script, a year
 * of birth that a living person can have, and typed text or at least one file (no more than the limit).
 */
@Documented
@Constraint(validatedBy = ValidLetter.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ValidLetter {

	String message() default "{error.invalidInput}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Names each broken rule on its field, so the form shows it in place. */
	class Validator implements ConstraintValidator<ValidLetter, LetterFields> {

		private final Clock clock;

		private final ZoneId zone;

		private final int maxFiles;

		Validator(Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone,
				@Value("${kinlink.uploads.max-files:10}") int maxFiles) {
			this.clock = clock;
			this.zone = zone;
			this.maxFiles = maxFiles;
		}

		@Override
		public boolean isValid(LetterFields letter, ConstraintValidatorContext context) {
			if (letter == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (blank(letter.senderNamePersian()) && blank(letter.senderNameLatin())) {
				valid = fail(context, "senderNamePersian", "{portal.letter.senderName.required}");
			}
			if (blank(letter.addresseeNamePersian()) && blank(letter.addresseeNameLatin())) {
				valid = fail(context, "addresseeNamePersian", "{portal.letter.addresseeName.required}");
			}
			if (blank(letter.text()) && letter.uploads().isEmpty()) {
				valid = fail(context, "text", "{portal.letter.text.orFiles}");
			}
			if (letter.badUploadIds()) {
				valid = fail(context, "uploadIds", "{portal.letter.files.invalid}");
			}
			else if (letter.uploads().size() > maxFiles) {
				valid = fail(context, "uploadIds", "{portal.letter.files.tooMany}");
			}
			if (!blank(letter.birthYearText())) {
				Integer year = letter.birthYear();
				int thisYear = clock.instant().atZone(zone).getYear();
				if (year == null || year < LetterFields.OLDEST_BIRTH_YEAR || year > thisYear) {
					valid = fail(context, "addresseeBirthYear", "{portal.letter.birthYear.range}");
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
