package org.kinlink.media.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context of the media processing and viewing tests: the scheduler's poller is off, so tests
 * run jobs themselves ({@link MediaFixtures#drain()}) and nothing races them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "kinlink.media.jobs.enabled=false")
@AutoConfigureMockMvc
@Import(MediaFixtures.class)
public @interface MediaTest {
}
