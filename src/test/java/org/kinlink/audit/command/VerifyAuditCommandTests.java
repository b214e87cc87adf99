package org.kinlink.audit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kinlink.accounts.AccountsWebTest;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.audit.Tampering;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * `--kinlink.command=verify-audit`: one line without personal data, exit code 0 when intact and 1 when
 * broken; the last test runs the real command in its own JVM against this test's database (once: a full
 * start costs a minute on a busy machine; exit code 0 goes through the same lines).
 */
@AccountsWebTest
class VerifyAuditCommandTests {

	private static final String ACTOR = "someone.with.a.name";

	@Autowired
	VerifyAuditCommand command;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void reportsAnIntactChainWithExitCodeZero() {
		trail.recordAs(ACTOR, AuditEvent.success("test.command", "command", UUID.randomUUID()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exit = command.verifyAndReport(new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact:").doesNotContain(ACTOR);
	}

	@Test
	void reportsABrokenChainWithExitCodeOneAndTheSequence() {
		long sequence = appendOne();
		Tampering tampering = new Tampering(jdbc);
		String original = tampering.changeDetail(sequence, "forged");
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int exit = command.verifyAndReport(new PrintStream(out, true, StandardCharsets.UTF_8));
			assertThat(exit).isEqualTo(1);
			assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at entry " + sequence).doesNotContain(ACTOR, "forged");
		}
		finally {
			tampering.changeDetail(sequence, original);
		}
	}

	@Test
	void theRealCommandExitsWithOneOnABrokenChain() throws Exception {
		long sequence = appendOne();
		Tampering tampering = new Tampering(jdbc);
		String original = tampering.changeDetail(sequence, "forged");
		try {
			Result broken = runCommand();
			assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
			assertThat(broken.output()).contains("BROKEN at entry " + sequence).doesNotContain(ACTOR);
		}
		finally {
			tampering.changeDetail(sequence, original);
		}
	}

	private long appendOne() {
		trail.recordAs(ACTOR, AuditEvent.success("test.command", "command", UUID.randomUUID()).withDetail("original"));
		return jdbc.sql("select max(sequence) from audit.entry where record_type = 'command'").query(Long.class).single();
	}

	private Result runCommand() throws Exception {
		String url;
		String user;
		try (Connection connection = dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		Path output = Files.createTempFile("verify-audit", ".log");
		List<String> commandLine = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.kinlink.KinlinkApplication",
				"--kinlink.command=verify-audit", "--spring.profiles.active=test", "--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.modulith.events.republish-outstanding-events-on-restart=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--user.language=en"));
		Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(240, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("verify-audit did not finish: " + Files.readString(output));
		}
		return new Result(process.exitValue(), Files.readString(output));
	}

	private record Result(int exit, String output) {
	}

}
