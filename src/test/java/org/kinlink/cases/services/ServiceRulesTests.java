package org.kinlink.cases.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ServiceRulesTests {

	private static final LocalDate START = LocalDate.of(2024, 8, 2);

	@Test
	void statusMovesForwardOnlyAndFinalStatusesStay() {
		assertThat(ServiceStatus.PLANNED.mayBecome(ServiceStatus.ACTIVE)).isTrue();
		assertThat(ServiceStatus.PLANNED.mayBecome(ServiceStatus.CANCELLED)).isTrue();
		assertThat(ServiceStatus.ACTIVE.mayBecome(ServiceStatus.COMPLETED)).isTrue();
		assertThat(ServiceStatus.ACTIVE.mayBecome(ServiceStatus.CANCELLED)).isTrue();
		assertThat(ServiceStatus.ACTIVE.mayBecome(ServiceStatus.ACTIVE)).isTrue();
		assertThat(ServiceStatus.PLANNED.mayBecome(ServiceStatus.COMPLETED)).isFalse();
		assertThat(ServiceStatus.ACTIVE.mayBecome(ServiceStatus.PLANNED)).isFalse();
		assertThat(ServiceStatus.COMPLETED.mayBecome(ServiceStatus.ACTIVE)).isFalse();
		assertThat(ServiceStatus.CANCELLED.mayBecome(ServiceStatus.PLANNED)).isFalse();
	}

	@Test
	void endBeforeStartIsRefusedOnTheEndField() {
		assertThatThrownBy(() -> create(details(ServiceStatus.ACTIVE, START, START.minusDays(1), null)))
			.isInstanceOfSatisfying(InvalidEntryException.class, ex -> {
				assertThat(ex.field()).isEqualTo("endedOn");
				assertThat(ex.messageCode()).isEqualTo("caseservices.dates.endBeforeStart");
			});
	}

	@Test
	void completedNeedsAnOutcomeAndOnlyCompletedHasOne() {
		assertThatThrownBy(() -> create(details(ServiceStatus.COMPLETED, START, START, null)))
			.hasMessage("caseservices.service.outcome.required");
		assertThatThrownBy(() -> create(details(ServiceStatus.ACTIVE, START, null, ServiceOutcome.ACHIEVED)))
			.hasMessage("caseservices.service.outcome.onlyCompleted");
		assertThat(create(details(ServiceStatus.COMPLETED, START, START, ServiceOutcome.ACHIEVED)).outcome())
			.isEqualTo(ServiceOutcome.ACHIEVED);
	}

	@Test
	void aNewServiceIsNeverCancelled() {
		assertThatThrownBy(() -> create(details(ServiceStatus.CANCELLED, null, null, null)))
			.hasMessage("caseservices.service.status.notAtStart");
	}

	@Test
	void changeRefusesAnIllegalStatusMove() {
		CaseService done = create(details(ServiceStatus.COMPLETED, START, START, ServiceOutcome.PARTLY_ACHIEVED));
		assertThatThrownBy(() -> done.changed(details(ServiceStatus.ACTIVE, START, null, null), 0))
			.isInstanceOfSatisfying(InvalidEntryException.class, ex -> assertThat(ex.field()).isEqualTo("status"));
		CaseService planned = create(details(ServiceStatus.PLANNED, null, null, null));
		assertThat(planned.changed(details(ServiceStatus.ACTIVE, START, null, null), 0).status())
			.isEqualTo(ServiceStatus.ACTIVE);
	}

	private static CaseService create(CaseService.Details d) {
		return CaseService.create(UUID.randomUUID(), UUID.randomUUID(), d, Instant.EPOCH);
	}

	private static CaseService.Details details(ServiceStatus status, LocalDate start, LocalDate end,
			ServiceOutcome outcome) {
		return new CaseService.Details(ServiceType.HOUSING, "Shelter", start, end, status, outcome, null);
	}

}
