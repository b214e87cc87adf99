package org.kinlink.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.kinlink.retention.rules.RetentionRule;

class RetentionRuleTests {

	private static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");

	@Test
	void aPeriodInDaysCountsBackThatManyDays() {
		RetentionRule rule = new RetentionRule(RetentionCategory.REJECTED_SUBMISSIONS, 90, RetentionRule.Unit.DAYS, null, null, 0);
		assertThat(rule.cutoff(NOW)).isEqualTo(Instant.parse("2025-12-31T10:00:00Z"));
	}

	@Test
	void aPeriodInMonthsCountsCalendarMonthsAndClampsTheDay() {
		RetentionRule rule = new RetentionRule(RetentionCategory.CLOSED_CASES, 1, RetentionRule.Unit.MONTHS, null, null, 0);
		assertThat(rule.cutoff(NOW)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
	}

	@Test
	void keepHasNoCutoff() {
		RetentionRule rule = new RetentionRule(RetentionCategory.CLOSED_CASES, null, null, null, null, 0);
		assertThat(rule.keeps()).isTrue();
		assertThat(rule.cutoff(NOW)).isNull();
	}

	@Test
	void onlyTheAuditTrailRefusesAPeriod() {
		assertThat(RetentionRule.periodAllowed(RetentionCategory.AUDIT_TRAIL)).isFalse();
		assertThat(RetentionRule.periodAllowed(RetentionCategory.REJECTED_SUBMISSIONS)).isTrue();
	}

}
