package org.kinlink.cases.followups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kinlink.accounts.MovableClock;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseReader;
import org.kinlink.cases.file.CaseSeal;
import org.kinlink.cases.services.CaseFixture;
import org.kinlink.cases.services.CaseServicesWebTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@CaseServicesWebTest
@RecordApplicationEvents
class FollowUpRemindersTests {

	@Autowired
	FollowUpReminders reminders;

	@Autowired
	FollowUps followUps;

	@Autowired
	FollowUpAgenda agenda;

	@Autowired
	CaseFixture fixture;

	@Autowired
	CaseSeal seal;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void followUpsDueTomorrowOrOverdueAreRemindedOnceAndLaterOnesWhenTheirTimeComes() {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		UUID tomorrow = followUps.add(file, followUps.today().plusDays(1), "Call the landlord", team.caseworker()).id();
		UUID inFiveDays = followUps.add(file, followUps.today().plusDays(5), "Check the school", team.caseworker()).id();
		UUID overdue = FollowUpsTestData.insert(jdbc, seal, file, followUps.today().minusDays(2), null);
		UUID done = FollowUpsTestData.insert(jdbc, seal, file, followUps.today().minusDays(2), Instant.now());
		CaseFile closed = fixture.openCase(team);
		UUID ofClosedCase = FollowUpsTestData.insert(jdbc, seal, closed, followUps.today().minusDays(2), null);
		fixture.close(closed);

		reminders.run();

		assertThat(dueEvents(file, closed)).containsExactlyInAnyOrder(new FollowUpDue(tomorrow, file.id()),
				new FollowUpDue(overdue, file.id()));
		assertThat(reminded(tomorrow)).isTrue();
		assertThat(reminded(overdue)).isTrue();
		assertThat(reminded(inFiveDays)).isFalse();
		assertThat(reminded(done)).isFalse();
		assertThat(reminded(ofClosedCase)).isFalse();
		assertThat(fixture.auditActions(file.id())).filteredOn("case.followup.remind:SUCCESS"::equals).hasSize(2);

		reminders.run();
		assertThat(dueEvents(file, closed)).hasSize(2);

		clock.advance(Duration.ofDays(4));
		reminders.run();
		assertThat(dueEvents(file, closed)).hasSize(3).contains(new FollowUpDue(inFiveDays, file.id()));
		assertThat(fixture.auditActions(file.id())).filteredOn("case.followup.remind:SUCCESS"::equals).hasSize(3);
	}

	@Test
	void theAgendaListsOverdueAndThisWeeksFollowUpsOfOwnAndTeamCasesOnly() {
		CaseFixture.Team team = fixture.team();
		CaseFile file = fixture.openCase(team);
		UUID soon = followUps.add(file, followUps.today().plusDays(3), "Soon", team.caseworker()).id();
		followUps.add(file, followUps.today().plusDays(30), "Later", team.caseworker());
		UUID overdue = FollowUpsTestData.insert(jdbc, seal, file, followUps.today().minusDays(1), null);
		FollowUpsTestData.insert(jdbc, seal, file, followUps.today().minusDays(1), Instant.now());

		List<FollowUpAgenda.Item> items = agenda.thisWeek(new CaseReader(team.colleague(), team.name(), true, false), 50);

		assertThat(items).extracting(FollowUpAgenda.Item::followUpId).containsExactly(overdue, soon);
		assertThat(items.get(0).overdue()).isTrue();
		assertThat(items.get(0).caseReference()).isEqualTo(file.reference());
		assertThat(items.get(1).overdue()).isFalse();
		assertThat(agenda.thisWeek(new CaseReader(team.outsider(), team.name() + "-elsewhere", true, false), 50))
			.extracting(FollowUpAgenda.Item::caseId)
			.doesNotContain(file.id());
	}

	private List<FollowUpDue> dueEvents(CaseFile... files) {
		List<UUID> ids = java.util.Arrays.stream(files).map(CaseFile::id).toList();
		return events.stream(FollowUpDue.class).filter(e -> ids.contains(e.caseId())).toList();
	}

	private boolean reminded(UUID id) {
		return jdbc.sql("select reminded_at is not null from cases.follow_up where id = ?").param(id).query(Boolean.class).single();
	}

}
