package org.kinlink.media.uploads;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The one Spring context of the upload tests (media uploads and the portal's letters with files): the real
 * server on a random port for what only a real connection shows (a PATCH cut off half way, no temporary
 * files), MockMvc for the rest. Limits are small so that tests stay quick: 16 MB per tus upload, 2 MB per
 * plain form file, 3 files per letter. The scheduled clean-up stays out of the way; tests call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kinlink.uploads.max-size=16MB", "kinlink.uploads.plain-max-size=2MB", "kinlink.uploads.max-files=3",
				"kinlink.uploads.cleanup-initial-delay=PT1H", "management.health.mail.enabled=false" })
@AutoConfigureMockMvc
public @interface UploadsWebTest {
}
