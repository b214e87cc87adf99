package org.kinlink.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.cases.CaseStatistics;
import org.kinlink.cases.CaseStatistics.ClosureFigure;
import org.kinlink.cases.CaseStatistics.EmploymentFigure;
import org.kinlink.cases.CaseStatistics.NotificationDelayFigure;
import org.kinlink.cases.CaseStatistics.ServiceFigure;
import org.kinlink.cases.CaseStatistics.YearFigure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** The anonymous figures against known rows (issue #4 item 7): each one exact, and none on an empty schema. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CaseStatisticsTests {

	@Autowired
	CaseStatistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	CaseFigures figures;

	@BeforeEach
	void emptySchema() {
		figures = new CaseFigures(jdbc, LocalDate.now(clock));
		figures.clear();
	}

	@Test
	void anEmptySchemaGivesNoFigures() {
		assertThat(statistics.services()).isEmpty();
		assertThat(statistics.employment()).isEmpty();
		assertThat(statistics.departuresPerYear()).isEmpty();
		assertThat(statistics.notificationDelays()).isEmpty();
		assertThat(statistics.closures()).isEmpty();
	}

	@Test
	void countsPeopleOncePerServiceTypeAndStatus() {
		figures.insertKnownRows();
		assertThat(statistics.services()).containsExactly(new ServiceFigure("EMPLOYMENT", "COMPLETED", 1),
				new ServiceFigure("HOUSING", "ACTIVE", 3), new ServiceFigure("HOUSING", "COMPLETED", 1));
	}

	@Test
	void countsCurrentWorkWithMedianAndMeanIncome() {
		figures.insertKnownRows();
		assertThat(statistics.employment()).containsExactly(new EmploymentFigure("EMPLOYED", 4, 1000, 1033),
				new EmploymentFigure("SELF_EMPLOYED", 1, 300, 300), new EmploymentFigure("UNEMPLOYED", 1, null, null));
	}

	@Test
	void countsDeparturesPerYear() {
		figures.insertKnownRows();
		assertThat(statistics.departuresPerYear()).containsExactly(new YearFigure(2024, 2), new YearFigure(2025, 1));
	}

	@Test
	void measuresNotificationDelaysPerYearAndAuthorityKind() {
		figures.insertKnownRows();
		assertThat(statistics.notificationDelays()).containsExactly(
				new NotificationDelayFigure(2024, "POLICE", 3, 1, 20.0, 30.0, 0),
				new NotificationDelayFigure(2024, "UN_BODY", 1, 1, 80.0, 80.0, 1),
				new NotificationDelayFigure(2025, "POLICE", 1, 0, 2.5, 2.5, 0));
	}

	@Test
	void countsOpenCasesAndClosuresPerReason() {
		figures.insertKnownRows();
		assertThat(statistics.closures()).containsExactly(new ClosureFigure(null, 3), new ClosureFigure("RESETTLED", 2),
				new ClosureFigure("SELF_RELIANT", 1));
	}

}
