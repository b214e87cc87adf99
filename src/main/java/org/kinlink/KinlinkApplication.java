package org.kinlink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kinlink.people.NamesCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kinlink: keeps families in touch with relatives who are cut off from them. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class KinlinkApplication {

	public static void main(String[] args) {
		if (NamesCommand.handles(args)) {
			// the name scorer needs no database and no server (docs/names.md)
			int code = NamesCommand.run(args, System.out, System.err);
			if (code != 0) {
				System.exit(code);
			}
			return;
		}
		SpringApplication application = new SpringApplication(KinlinkApplication.class);
		String[] arguments = maintenanceArguments(args);
		if (Arrays.stream(arguments).anyMatch(arg -> arg.startsWith("--kinlink.command="))) {
			// A maintenance command (e.g. verify-audit) against a live database: no web server, and no replay of
			// other nodes' unfinished events (a command-line argument outranks application.properties).
			application.setWebApplicationType(WebApplicationType.NONE);
			String replay = "--spring.modulith.events.republish-outstanding-events-on-restart";
			if (Arrays.stream(arguments).noneMatch(arg -> arg.startsWith(replay))) {
				arguments = Arrays.copyOf(arguments, arguments.length + 1);
				arguments[arguments.length - 1] = replay + "=false";
			}
		}
		application.run(arguments);
	}

	/**
	 * {@code backup <file>}, {@code restore <file> [--force]}, {@code prune-backups} and {@code rotate-kek} as
	 * the first arguments become {@code --kinlink.command=...} with {@code --kinlink.backup.file}; a restore runs with migrations
	 * and background jobs off, since it migrates the empty database itself (docs/operations.md).
	 */
	public static String[] maintenanceArguments(String... args) {
		List<String> out = new ArrayList<>();
		int rest = 0;
		if (args.length > 0 && List.of("backup", "restore", "prune-backups", "rotate-kek").contains(args[0])) {
			out.add("--kinlink.command=" + args[0]);
			rest = 1;
			if (args.length > 1 && !args[1].startsWith("--")) {
				out.add("--kinlink.backup.file=" + args[1]);
				rest = 2;
			}
		}
		for (int i = rest; i < args.length; i++) {
			out.add("--force".equals(args[i]) ? "--kinlink.backup.force=true" : args[i]);
		}
		if (out.contains("--kinlink.command=restore")) {
			out.addAll(List.of("--spring.flyway.enabled=false", "--spring.modulith.runtime.flyway-enabled=false",
					"--kinlink.media.jobs.enabled=false", "--kinlink.storage.sweep.enabled=false",
					"--kinlink.referrals.mail-retry.initial-delay=P365D", "--kinlink.referrals.overdue-check.initial-delay=P365D",
					"--kinlink.cases.deadlines.initial-delay=P365D", "--kinlink.cases.reminders.initial-delay=P365D",
					"--kinlink.uploads.cleanup-initial-delay=P365D"));
		}
		return out.toArray(String[]::new);
	}

}
