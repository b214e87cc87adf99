package org.kinlink.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login page renders in Persian, right to left, in a real browser without JavaScript. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChromiumSmokeTests {

	@LocalServerPort
	int port;

	@Test
	void showsTheLoginPageRightToLeftInPersian() {
		ChromeDriver driver = Chromium.start(false, "fa");
		try {
			driver.get("http://localhost:" + port + "/login");
			assertThat(driver.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("ورود کارکنان");
		}
		finally {
			driver.quit();
		}
	}

}
