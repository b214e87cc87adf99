package org.kinlink.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its ChromeDriver (never a downloaded browser). In CI the browser
 * must be there (.ci/run installs it); on a developer machine without it the browser tests are skipped.
 */
final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	static ChromeDriver start(boolean javascript, String language) {
		boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
		if (System.getenv("CI") == null) {
			Assumptions.assumeTrue(present, "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
		}
		else if (!present) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run)");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,1600", "--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", javascript ? 1 : 2,
				"intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	static File screenshotDir() {
		File dir = new File("target/screenshots");
		dir.mkdirs();
		return dir;
	}

}
