package org.kinlink.cases.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.kinlink.shared.text.SafeText;

/** The template editor's form: language, deadline in hours (1 to 720), subject, body, enabled, the version read. */
record TemplateForm(@NotBlank @Pattern(regexp = "sq|en|fa", message = "{cases.template.language.invalid}") String language,
		@NotNull @Min(1) @Max(720) Integer deadlineHours, @NotBlank @SafeText(max = 300) String subject,
		@NotBlank @SafeText(max = 8000, multiline = true) String body, boolean enabled, Integer version) {

	static TemplateForm of(NotificationTemplate t) {
		return new TemplateForm(t.language(), t.deadlineHours(), t.subject(), t.body(), t.enabled(), t.version());
	}

	static TemplateForm empty() {
		return new TemplateForm("en", 72, null, null, true, null);
	}

}
