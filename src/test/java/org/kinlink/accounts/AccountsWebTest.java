package org.kinlink.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the accounts and audit tests: the real server on a random port (for what only a
 * real connector shows: banners, TRACE, cookies), MockMvc for everything else, and the movable clock. No SMTP
 * server runs here, so the mail health indicator is off: health must reflect what these tests exercise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.health.mail.enabled=false")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
public @interface AccountsWebTest {
}
