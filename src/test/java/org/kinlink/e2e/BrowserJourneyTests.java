package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.shared.text.PersianText;
import org.kinlink.testsupport.web.StaffAccounts;
import org.kinlink.testsupport.web.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People at real browsers (Debian's headless Chromium): a family writes in Persian with JavaScript switched
 * off, as in Tor Browser's safest mode; then staff take the letter from the inbox to dispatch by clicking
 * through the pages. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kinlink.test.context=browser")
class BrowserJourneyTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup());

	@LocalServerPort
	int port;

	private ChromeDriver browser;

	private StaffAccounts staff;

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aFamilyWritesInPersianWithoutJavaScriptAndStaffTakeTheLetterToDispatch() throws Exception {
		staff = new StaffAccounts(port);
		WebClient admin = staff.setUpAdministrator();
		staff.colleague(admin, "ina.intake", "en", "INTAKE");
		staff.colleague(admin, "teuta.translator", "en", "TRANSLATOR");
		staff.colleague(admin, "rini.reviewer", "en", "REVIEWER");
		staff.colleague(admin, "luan.liaison", "en", "LIAISON");

		browser = Chromium.start(false, "fa");
		open("/");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
		// scripts only from files (strict CSP); with JavaScript off the form posts its files itself
		assertThat(browser.findElements(By.tagName("script"))).allSatisfy(script -> assertThat(script.getDomAttribute("src")).isNotBlank());
		// Bootstrap's RTL build is applied: the body font stack comes from it, not from the browser default.
		assertThat(browser.findElement(By.tagName("body")).getCssValue("font-family")).contains("system-ui");
		type("senderNamePersian", "مریم رضایی");
		type("senderNameLatin", "Maryam Rezaei");
		type("relationship", "مادر");
		type("addresseeNamePersian", "علی رضایی");
		type("addresseeNameLatin", "Ali Rezaei");
		type("addresseeFatherName", "حسن");
		type("addresseeBirthYear", "۱۹۸۵");
		type("text", Corpus.persianLetter());
		screenshot("portal-letter-fa");
		// Enter in a field submits the form natively; with JavaScript off the driver cannot scroll to the button.
		// The driver does not wait for a navigation started by a key press, so wait for the receipt page.
		browser.findElement(By.name("addresseeNameLatin")).sendKeys(org.openqa.selenium.Keys.ENTER);
		String receipt = awaitElement(By.id("receipt"), "portal-receipt-missing").getText();
		assertThat(PersianText.latinDigits(receipt).replaceAll("\\D", "")).hasSize(20);
		screenshot("portal-receipt-fa");
		browser.quit();

		browser = Chromium.start(true, "en");
		signIn("ina.intake");
		open("/staff/messages");
		screenshot("staff-inbox");
		click("a[href^='/staff/messages/']");
		if (browser.findElement(By.cssSelector("details")).getDomAttribute("open") == null) {
			browser.findElement(By.cssSelector("details summary")).click(); // "Create a person" may be folded away
		}
		click("form[action$='/person/new'] button[type=submit]");
		if (!browser.findElements(By.id("notADuplicate")).isEmpty()) { // a namesake is known: confirm a new person
			browser.findElement(By.id("notADuplicate")).click();
			click("form[action$='/person/new'] button[type=submit]");
		}
		click("form[action$='/accept'] button[type=submit]");
		signOut();

		signIn("teuta.translator");
		new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(b -> {
			open("/staff/translations");
			return !b.findElements(By.xpath("//tr[contains(@class,'open-task')][contains(., 'Albanian')]")).isEmpty();
		});
		WebElement oldPage = browser.findElement(By.tagName("html"));
		browser.findElement(By.xpath("//tr[contains(@class,'open-task')][contains(., 'Albanian')]//button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> gone(oldPage));
		if (browser.findElements(By.cssSelector("textarea[name^=targets]")).isEmpty()) {
			click("tr.my-task a");
		}
		List<String> albanian = Corpus.albanian();
		List<WebElement> targets = browser.findElements(By.cssSelector("textarea[name^=targets]"));
		for (int i = 0; i < targets.size(); i++) {
			targets.get(i).sendKeys(albanian.get(i % albanian.size()));
		}
		screenshot("translation-editor");
		String editorPath = java.net.URI.create(browser.getCurrentUrl()).getPath();
		click("button[name=submitForReview]");
		if (!browser.findElements(By.cssSelector("button[name=submitAnyway]")).isEmpty()) {
			click("button[name=submitAnyway]");
		}
		signOut();

		signIn("rini.reviewer");
		open(editorPath);
		click("form[action$='/reviewed'] button");
		click("form[action$='/approve'] button");
		signOut();

		signIn("luan.liaison");
		open("/staff/authorities/new");
		type("name", "Ministria e Punëve të Brendshme");
		select("kind", "MINISTRY");
		select("language", "sq");
		type("postalAddress", "Sheshi Skënderbej 3, Tiranë");
		type("email", "protokolli@example.test");
		type("acknowledgementDays", "30");
		click("form[action='/staff/authorities'] button[type=submit]");
		open("/staff/referrals/new");
		select("authorityId", 1);
		browser.findElement(By.cssSelector("input[name=messageIds]")).click(); // a checkbox: no page load
		click("form[action='/staff/referrals'] button[type=submit]");
		click("form[action$='/approve'] button");
		click("form[action$='/dispatch'] button");
		screenshot("referral-dispatched");
		assertThat(mail.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("protokolli@example.test");
	}

	private void signIn(String username) {
		open("/login");
		type("username", username);
		type("password", StaffAccounts.PASSWORD);
		click("form[action='/login'] button[type=submit]");
		type("code", staff.code(username));
		click("form[action='/login/factor'] button[type=submit]");
		assertThat(browser.getCurrentUrl()).endsWith("/staff");
	}

	private void signOut() {
		click("form[action='/logout'] button");
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void type(String name, String value) {
		WebElement field = browser.findElement(By.name(name));
		field.clear();
		field.sendKeys(value);
	}

	private void select(String name, String value) {
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name(name))).selectByValue(value);
	}

	private void select(String name, int index) {
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.name(name))).selectByIndex(index);
	}

	/** Waits for an element; if it never comes, keeps a screenshot and names what the page showed instead. */
	private WebElement awaitElement(By locator, String screenshotOnFailure) throws Exception {
		try {
			return new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
				.until(b -> b.findElements(locator).stream().findFirst().orElse(null));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			screenshot(screenshotOnFailure);
			String shown = browser.findElements(By.cssSelector(".alert, .invalid-feedback, h1")).stream()
				.map(WebElement::getText)
				.filter(text -> !text.isBlank())
				.toList()
				.toString();
			throw new AssertionError("No " + locator + " on " + browser.getCurrentUrl() + "; the page showed " + shown, ex);
		}
	}

	/**
	 * Clicks something that loads a page and waits until the old page is gone: the driver may return from a
	 * click before the form's answer is in, and the next step must not act on the old page.
	 */
	private void click(String css) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		// A page still settling can detach the element between finding and clicking: find it again then.
		WebElement page = wait.pollingEvery(Duration.ofMillis(200)).until(b -> {
			try {
				WebElement html = b.findElement(By.tagName("html"));
				List<WebElement> found = b.findElements(By.cssSelector(css));
				if (found.isEmpty() || !found.get(0).isDisplayed()) {
					return null;
				}
				found.get(0).click();
				return html;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return null;
			}
		});
		wait.until(b -> gone(page));
	}

	/**
	 * Whether the page an element belonged to has been replaced. Chromium answers a node of an old document
	 * either as stale or as "does not belong to the document"; both mean the new page is in.
	 */
	private static boolean gone(WebElement oldPage) {
		try {
			oldPage.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return true;
		}
	}

	private void screenshot(String name) throws Exception {
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), new File(Chromium.screenshotDir(), name + ".png").toPath(), StandardCopyOption.REPLACE_EXISTING);
	}

}
