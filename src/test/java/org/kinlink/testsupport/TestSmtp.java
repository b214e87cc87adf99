package org.kinlink.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One free loopback port for the tests' SMTP server (GreenMail), chosen when the test run starts and handed to
 * Spring as spring.mail.port, so test runs on a shared machine do not fight over a fixed port.
 */
public final class TestSmtp implements LauncherSessionListener {

	private static final String PROPERTY = "spring.mail.port";

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		port();
	}

	/** The port of this run, chosen on first use. */
	public static synchronized int port() {
		String chosen = System.getProperty(PROPERTY);
		if (chosen == null) {
			try (ServerSocket socket = new ServerSocket(0)) {
				chosen = Integer.toString(socket.getLocalPort());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			System.setProperty(PROPERTY, chosen);
		}
		return Integer.parseInt(chosen);
	}

	/** GreenMail's setup for this run's port. */
	public static ServerSetup setup() {
		ServerSetup setup = new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		setup.setServerStartupTimeout(10_000);
		return setup;
	}

}
