package org.kinlink.portal.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.kinlink.portal.receipts.Receipt;

/** Twenty digits, in any of the digit sets a family may type, with spaces or dashes between them. */
@Documented
@Constraint(validatedBy = ReceiptFormat.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface ReceiptFormat {

	String message() default "{portal.receipt.format}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the format only; blank is left to @NotBlank. */
	class Validator implements ConstraintValidator<ReceiptFormat, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isBlank() || Receipt.parse(value).isPresent();
		}

	}

}
