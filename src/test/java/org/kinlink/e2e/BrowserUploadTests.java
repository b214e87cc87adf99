package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.shared.text.PersianText;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family with JavaScript on (a phone's browser) attaches a photo of a letter: tus-js-client, loaded from
 * Kinlink itself under the strict CSP, uploads it with a progress bar before the form is sent, and the receipt
 * comes only once the file is attached to the letter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kinlink.test.context=browser-upload")
class BrowserUploadTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aFamilyWithJavaScriptUploadsAPhotoWithAProgressBarAndGetsAReceipt() throws Exception {
		File photo = photoOfALetter();
		browser = Chromium.start(true, "fa");
		browser.get("http://localhost:" + port + "/");
		type("senderNamePersian", "مریم رضایی");
		type("relationship", "مادر");
		type("addresseeNamePersian", "علی رضایی");
		type("addresseeNameLatin", "Ali Rezaei");
		browser.findElement(By.id("files-input")).sendKeys(photo.getAbsolutePath());
		WebElement send = browser.findElement(By.cssSelector("#letter-form button[type=submit]"));
		new org.openqa.selenium.interactions.Actions(browser).scrollToElement(send).perform();
		send.click();

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
		WebElement receipt = wait.until(b -> b.findElements(By.id("receipt")).stream().findFirst().orElse(null));
		assertThat(PersianText.latinDigits(receipt.getText()).replaceAll("\\D", "")).hasSize(20);
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), new File(Chromium.screenshotDir(), "portal-upload-receipt-fa.png").toPath(),
				StandardCopyOption.REPLACE_EXISTING);

		// The upload went through tus (finished, claimed by the letter), not through the plain form.
		assertThat(jdbc.sql("select count(*) from media.upload where completed_at is not null and claimed_at is not null")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from media.upload_part").query(Integer.class).single()).isPositive();
		assertThat(jdbc.sql("select size from media.file").query(Long.class).single()).isEqualTo(photo.length());
	}

	private void type(String name, String value) {
		WebElement field = browser.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	/** A made-up photo of a handwritten letter (test data only), large enough to take more than one progress event. */
	private static File photoOfALetter() throws Exception {
		BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		java.util.Random random = new java.util.Random(7);
		for (int y = 0; y < image.getHeight(); y += 4) {
			for (int x = 0; x < image.getWidth(); x += 4) {
				g.setColor(new Color(random.nextInt(0xffffff)));
				g.fillRect(x, y, 4, 4);
			}
		}
		g.dispose();
		File dir = new File("target/test-uploads");
		dir.mkdirs();
		File file = new File(dir, "letter-photo.png");
		ImageIO.write(image, "png", file);
		return file;
	}

}
