package org.kinlink.messages.letters;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.kinlink.messages.MessageStatus;

import org.springframework.format.annotation.DateTimeFormat;

/** The inbox filters: state, received between two dates (inclusive), language, and the page. */
record InboxFilter(MessageStatus status, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
		@Pattern(regexp = "fa|prs|en|sq|other", message = "{inbox.filter.language.invalid}") String language,
		@Min(1) @Max(100_000) Integer page) {

	static final InboxFilter NONE = new InboxFilter(null, null, null, null, 1);

	int pageOrFirst() {
		return page == null ? 1 : page;
	}

	/** Whether the dates are the wrong way round. */
	boolean datesReversed() {
		return from != null && to != null && from.isAfter(to);
	}

}
