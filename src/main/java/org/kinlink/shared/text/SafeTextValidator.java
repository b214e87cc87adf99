package org.kinlink.shared.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link SafeText}: length, hostile characters; names the problem with a message code. */
public class SafeTextValidator implements ConstraintValidator<SafeText, String> {

	private int max;

	private boolean multiline;

	@Override
	public void initialize(SafeText annotation) {
		this.max = annotation.max();
		this.multiline = annotation.multiline();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		String problem = null;
		if (value.codePointCount(0, value.length()) > max) {
			problem = "{text.tooLong}";
		}
		else if (HostileCharacters.firstIn(value, multiline).isPresent()) {
			problem = "{text.hiddenCharacters}";
		}
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
		return false;
	}

}
