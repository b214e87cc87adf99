package org.kinlink;

import java.util.Arrays;

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
		String[] arguments = args;
		if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--kinlink.command="))) {
			// A maintenance command (e.g. verify-audit) against a live database: no web server, and no replay of
			// other nodes' unfinished events (a command-line argument outranks application.properties).
			application.setWebApplicationType(WebApplicationType.NONE);
			String replay = "--spring.modulith.events.republish-outstanding-events-on-restart";
			if (Arrays.stream(args).noneMatch(arg -> arg.startsWith(replay))) {
				arguments = Arrays.copyOf(args, args.length + 1);
				arguments[args.length] = replay + "=false";
			}
		}
		application.run(arguments);
	}

}
