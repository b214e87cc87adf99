package org.kinlink.shared.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text field a person typed: bounded in length (in characters as people count them), free of bidi
 * controls and invisible characters, and of mixed Arabic and Persian letter forms after normalisation.
 */
@Documented
@Constraint(validatedBy = SafeTextValidator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeText {

	String message() default "{text.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The most characters (code points) allowed. */
	int max() default 200;

	/** Whether line breaks are allowed (letters, notes) or not (names). */
	boolean multiline() default false;

}
