package org.kinlink.retention.rules;

import java.time.Instant;
import java.time.ZoneOffset;

import org.kinlink.retention.RetentionCategory;

/**
 * The rule of one category: a period ({@code amount} days or months) or keep ({@code amount} null).
 * The audit trail is always kept: it holds no personal data and its hash chain must stay verifiable.
 */
public record RetentionRule(RetentionCategory category, Integer amount, Unit unit, Instant changedAt, String changedBy,
		int version) {

	/** The largest period accepted: 100 years. */
	public static final int MAX_DAYS = 36_500;

	public static final int MAX_MONTHS = 1_200;

	/** Days or months. */
	public enum Unit {
		DAYS, MONTHS
	}

	public boolean keeps() {
		return amount == null;
	}

	/** Records whose period started before the returned instant have expired; null when the category is kept. */
	public Instant cutoff(Instant now) {
		if (keeps()) {
			return null;
		}
		return unit == Unit.DAYS ? now.minus(java.time.Duration.ofDays(amount))
				: now.atOffset(ZoneOffset.UTC).minusMonths(amount).toInstant();
	}

	/** Whether a category may be given a period at all. */
	public static boolean periodAllowed(RetentionCategory category) {
		return category != RetentionCategory.AUDIT_TRAIL;
	}

}
