package org.kinlink.storage.keys;

import java.io.PrintStream;
import java.util.Locale;

import org.kinlink.shared.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code rotate-kek} (or {@code --kinlink.command=rotate-kek}): wraps every data key and backup key again
 * under a new key-encryption key ({@link KeyRotation}) and says, in the operator's language, what to do next.
 * Exit code 0 when done, 2 on a refusal or failure, never a stack trace and never key material.
 */
@Component
class RotateKekCommand implements ApplicationRunner {

	static final String NAME = "rotate-kek";

	private static final Logger log = LoggerFactory.getLogger(RotateKekCommand.class);

	private final KeyRotation rotation;

	private final ConfigurableApplicationContext context;

	private final String command;

	private final MessageSource messages;

	RotateKekCommand(KeyRotation rotation, ConfigurableApplicationContext context,
			@Value("${kinlink.command:}") String command) {
		this.rotation = rotation;
		this.context = context;
		this.command = command;
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/keys");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setParentMessageSource(context);
		this.messages = source;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!NAME.equals(command)) {
			return;
		}
		int code = execute(System.out, System.err);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Rotates and writes the outcome; returns the exit code. */
	int execute(PrintStream out, PrintStream err) {
		Locale locale = Languages.supported(Locale.getDefault().toLanguageTag());
		locale = locale == null ? Languages.ENGLISH : locale;
		long started = System.nanoTime();
		try {
			KeyRotation.Result result = rotation.rotate();
			if (result.resumed()) {
				out.println(messages.getMessage("keys.rotated.resumed", null, locale));
			}
			out.println(messages.getMessage("keys.rotated", new Object[] { result.dataKeys(), result.rewrapped(),
					result.outsideRewrapped(), (System.nanoTime() - started) / 1_000_000 }, locale));
			if (result.fromEnvironment()) {
				out.println(messages.getMessage("keys.rotated.environment", null, locale));
			}
			else {
				out.println(messages.getMessage("keys.rotated.file", new Object[] { String.valueOf(result.keyFile()),
						result.retiredFile() == null ? "-" : result.retiredFile().toString() }, locale));
			}
			return 0;
		}
		catch (KeyRotation.Refused ex) {
			err.println(messages.getMessage("keys.error.no-new-kek", null, locale));
			return 2;
		}
		catch (RuntimeException ex) {
			log.debug("key rotation failed", ex);
			err.println(messages.getMessage("keys.error.failed", new Object[] { ex.getClass().getSimpleName() }, locale));
			return 2;
		}
	}

}
