package org.kinlink.cases.services;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kinlink.accounts.MovableClock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the services, work and income, follow-ups and notes tests: MockMvc, the movable
 * clock, the panels page of {@link PanelsPageTests}, and the reminder job left to the tests (they call it).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "kinlink.cases.reminders.initial-delay=P3650D")
@AutoConfigureMockMvc
@Import({ MovableClock.Config.class, CaseFixture.class, PanelsPageTests.PanelsPage.class })
public @interface CaseServicesWebTest {
}
