package org.kinlink.storage.backup;

import java.io.PrintStream;
import java.nio.file.Path;
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
 * {@code backup <file>}, {@code restore <file> [--force]} and {@code prune-backups} (or
 * {@code --kinlink.command=backup --kinlink.backup.file=<file>}): one line in the operator's language, exit
 * code 0 on success and 2 on a refusal or failure, never a stack trace.
 */
@Component
class BackupCommand implements ApplicationRunner {

	static final String BACKUP = "backup";

	static final String RESTORE = "restore";

	static final String PRUNE = "prune-backups";

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	private final Backups backups;

	private final ConfigurableApplicationContext context;

	private final String command;

	private final String file;

	private final boolean force;

	private final MessageSource messages;

	BackupCommand(Backups backups, ConfigurableApplicationContext context, @Value("${kinlink.command:}") String command,
			@Value("${kinlink.backup.file:}") String file, @Value("${kinlink.backup.force:false}") boolean force) {
		this.backups = backups;
		this.context = context;
		this.command = command;
		this.file = file;
		this.force = force;
		this.messages = bundle(context);
	}

	private static MessageSource bundle(MessageSource parent) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/backup");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setParentMessageSource(parent);
		return source;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!BACKUP.equals(command) && !RESTORE.equals(command) && !PRUNE.equals(command)) {
			return;
		}
		int code = execute(command, file, force, System.out, System.err);
		System.exit(SpringApplication.exit(context, () -> code));
	}

	/** Runs one command and writes its outcome; returns the exit code. */
	int execute(String name, String path, boolean overwrite, PrintStream out, PrintStream err) {
		Locale locale = Languages.supported(Locale.getDefault().toLanguageTag());
		locale = locale == null ? Languages.ENGLISH : locale;
		try {
			if (PRUNE.equals(name)) {
				int shredded = backups.prune(true);
				out.println(messages.getMessage("backup.pruned",
						new Object[] { shredded, backups.keep().toDays() }, locale));
				return 0;
			}
			if (path == null || path.isBlank()) {
				throw BackupFailure.of("backup.error.usage");
			}
			if (BACKUP.equals(name)) {
				BackupResult result = backups.backup(Path.of(path));
				int shredded = backups.prune();
				out.println(messages.getMessage("backup.done", new Object[] { result.file().toString(),
						result.tables(), result.rows(), result.blobs(), result.bytes() / 1024, result.millis(),
						result.backupId().toString(), backups.keys().folder().toString() }, locale));
				if (result.missingBlobs() > 0) {
					out.println(messages.getMessage("backup.missing-files", new Object[] { result.missingBlobs() }, locale));
				}
				if (shredded > 0) {
					out.println(messages.getMessage("backup.pruned", new Object[] { shredded, backups.keep().toDays() }, locale));
				}
				return 0;
			}
			if (overwrite) {
				err.println(messages.getMessage("backup.force-warning", null, locale));
			}
			BackupResult result = backups.restore(Path.of(path), overwrite);
			out.println(messages.getMessage("backup.restored", new Object[] { result.tables(), result.rows(),
					result.blobs(), result.millis(), result.backupId().toString() }, locale));
			return 0;
		}
		catch (BackupFailure ex) {
			log.debug("backup command failed", ex);
			err.println(describe(ex, locale));
			return 2;
		}
		catch (RuntimeException ex) {
			log.debug("backup command failed", ex);
			err.println(messages.getMessage("backup.error.unexpected", new Object[] { ex.getClass().getSimpleName() },
					locale));
			return 2;
		}
	}

	/** The failure in the operator's language; a partial restore also names what stopped it. */
	String describe(BackupFailure failure, Locale locale) {
		String line = messages.getMessage(failure.code(), failure.arguments(), locale);
		if (failure.getCause() instanceof BackupFailure inner) {
			line = line + " " + messages.getMessage(inner.code(), inner.arguments(), locale);
		}
		return line;
	}

}
