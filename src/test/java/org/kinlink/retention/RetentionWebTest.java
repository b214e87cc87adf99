package org.kinlink.retention;

import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kinlink.accounts.MovableClock;
import org.kinlink.cases.services.CaseFixture;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the retention tests: the real application on embedded PostgreSQL, MockMvc, a clock
 * the tests move forward (its own context, so moving it years ahead never touches other modules' tests), the
 * case fixture, and the schedule off (tests run the pass themselves).
 */
@Target(ElementType.TYPE)
@java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "kinlink.cases.reminders.initial-delay=P3650D")
@AutoConfigureMockMvc
@Import({ MovableClock.Config.class, CaseFixture.class })
public @interface RetentionWebTest {
}
