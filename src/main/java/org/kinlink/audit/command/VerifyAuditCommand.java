package org.kinlink.audit.command;

import java.io.PrintStream;
import java.util.Locale;

import org.kinlink.audit.AuditTrail;
import org.kinlink.audit.ChainVerification;
import org.kinlink.shared.i18n.Languages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * `--kinlink.command=verify-audit`: walks the audit chain, prints the result (counts and a sequence number,
 * no personal data) and exits with 0 when the chain is intact and 1 when it is broken.
 */
@Component
class VerifyAuditCommand implements ApplicationRunner {

	static final String NAME = "verify-audit";

	private final AuditTrail trail;

	private final MessageSource messages;

	private final ConfigurableApplicationContext context;

	private final String command;

	VerifyAuditCommand(AuditTrail trail, MessageSource messages, ConfigurableApplicationContext context,
			@Value("${kinlink.command:}") String command) {
		this.trail = trail;
		this.messages = messages;
		this.context = context;
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!NAME.equals(command)) {
			return;
		}
		int code = verifyAndReport(System.out);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Verifies the chain, writes one line about it and returns the exit code. */
	int verifyAndReport(PrintStream out) {
		ChainVerification result = trail.verify();
		Locale locale = Languages.supported(Locale.getDefault().toLanguageTag());
		locale = locale == null ? Languages.ENGLISH : locale;
		String line;
		if (result.intact()) {
			line = messages.getMessage("audit.command.intact", new Object[] { result.checked() }, locale);
		}
		else if (result.firstBrokenSequence() < 0) {
			line = messages.getMessage("audit.command.truncated", new Object[] { result.checked() }, locale);
		}
		else {
			line = messages.getMessage("audit.command.broken",
					new Object[] { String.valueOf(result.firstBrokenSequence()), result.checked() }, locale);
		}
		out.println(line);
		out.flush();
		return result.intact() ? 0 : 1;
	}

}
