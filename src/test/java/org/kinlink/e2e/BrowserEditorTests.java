package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinlink.translation.tasks.FixedEditorAids;
import org.kinlink.testsupport.web.StaffAccounts;
import org.kinlink.testsupport.web.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #5 in a real browser (Debian's headless Chromium, JavaScript on): a translator works a Persian letter into
 * Albanian from the keyboard only (a memory suggestion by its key, moving between sentences, save-and-next, copying
 * the original), the autosave is seen to persist across a reload, a reviewer edits a sentence and the approver sees
 * the edit as differences from the translator's version. The letter's sentences after the greeting are NTREX-128
 * newstest2019 (CC BY-SA 4.0). Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kinlink.test.context=browser-editor")
class BrowserEditorTests {

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
	void aTranslatorWorksAPersianLetterFromTheKeyboardAndTheApproverSeesTheReviewersEdit() throws Exception {
		browser = Chromium.start(true, "en");
		staff = new StaffAccounts(port);
		WebClient admin = staff.setUpAdministrator();
		WebClient intake = staff.colleague(admin, "ina.intake", "en", "INTAKE");
		staff.colleague(admin, "tea.translator", "en", "TRANSLATOR");
		staff.colleague(admin, "rini.reviewer", "en", "REVIEWER");
		staff.colleague(admin, "arta.approver", "en", "REVIEWER");

		WebClient family = new WebClient(port, "fa-IR,fa;q=0.9");
		family.get("/");
		family.submit("form[action^='/portal/letters']", Map.of("senderNamePersian", "مریم رضایی", "senderNameLatin",
				"Maryam Rezaei", "relationship", "مادر", "addresseeNamePersian", "علی رضایی", "addresseeNameLatin",
				"Ali Rezaei", "addresseeFatherName", "حسن", "addresseeBirthYear", "1985", "text",
				FixedEditorAids.GREETING + "\n" + Corpus.persianLetter(), "language", "fa"));
		Document inbox = intake.get("/staff/messages");
		intake.get(inbox.selectFirst("a[href^='/staff/messages/']").attr("href"));
		intake.submit("form[action$='/person/new']");
		intake.submit("form[action$='/accept']");

		signIn("tea.translator");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			open("/staff/translations");
			return !browser.findElements(By.xpath("//tr[contains(@class,'open-task')][contains(., 'Albanian')]")).isEmpty();
		});
		click("//tr[contains(@class,'open-task')][contains(., 'Albanian')]//button");
		if (browser.findElements(By.cssSelector("textarea[name^=targets]")).isEmpty()) {
			click("//tr[contains(@class,'my-task')]//a");
		}
		String editorPath = java.net.URI.create(browser.getCurrentUrl()).getPath();
		List<WebElement> targets = browser.findElements(By.cssSelector("textarea.segment-input"));
		assertThat(targets).hasSizeGreaterThanOrEqualTo(3);
		List<String> albanian = Corpus.albanian();

		// sentence 1: the memory's exact match by its key
		targets.get(0).click();
		targets.get(0).sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "1"));
		assertThat(targets.get(0).getDomProperty("value")).isEqualTo(FixedEditorAids.EXACT);
		// Alt+Down to sentence 2, typed; Ctrl+Enter saves it and goes on
		active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
		assertThat(active().getDomAttribute("name")).isEqualTo("targets[1]");
		active().sendKeys(albanian.get(0));
		active().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
		assertThat(active().getDomAttribute("name")).isEqualTo("targets[2]");
		// sentence 3: the original copied by its key, then replaced by the translation
		active().sendKeys(Keys.chord(Keys.CONTROL, Keys.SHIFT, "0"));
		assertThat(active().getDomProperty("value")).isNotBlank().doesNotContain("(");
		active().sendKeys(Keys.chord(Keys.CONTROL, "a"), albanian.get(1));
		for (int i = 3; i < targets.size(); i++) {
			active().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
			active().sendKeys(albanian.get((i - 1) % albanian.size()));
		}
		active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.findElements(By.cssSelector("tr.segment-row")).stream()
			.allMatch(row -> "saved".equals(row.getDomAttribute("data-save-state"))));
		screenshot("editor-autosaved");

		browser.navigate().refresh();
		List<WebElement> reloaded = browser.findElements(By.cssSelector("textarea.segment-input"));
		assertThat(reloaded.get(0).getDomProperty("value")).isEqualTo(FixedEditorAids.EXACT);
		assertThat(reloaded.get(1).getDomProperty("value")).isEqualTo(albanian.get(0));
		assertThat(reloaded.get(2).getDomProperty("value")).isEqualTo(albanian.get(1));
		assertThat(browser.findElement(By.cssSelector("#segment-1 .segment-provenance")).getText())
			.contains("From the translation memory (100%)");
		click("//button[@name='submitForReview']");
		if (!browser.findElements(By.name("submitAnyway")).isEmpty()) {
			click("//button[@name='submitAnyway']");
		}
		signOut();

		signIn("rini.reviewer");
		open(editorPath);
		browser.findElement(By.cssSelector("#segment-2 details.segment-review-form summary")).click();
		WebElement edit = browser.findElement(By.cssSelector("#segment-2 textarea[name=target]"));
		String reviewed = albanian.get(0).replaceFirst("^\\S+", "Deputetët");
		edit.clear();
		edit.sendKeys(reviewed);
		click("//tr[@id='segment-2']//form//button[@type='submit']");
		click("//form[contains(@action,'/reviewed')]//button");
		signOut();

		signIn("arta.approver");
		open(editorPath);
		assertThat(browser.findElement(By.cssSelector("#segment-2 .target-text")).getText()).isEqualTo(reviewed);
		assertThat(browser.findElement(By.cssSelector("#segment-2 .review-changes ins")).getText()).contains("Deputetët");
		assertThat(browser.findElement(By.cssSelector("#segment-2 .review-changes del")).getText())
			.contains(albanian.get(0).split("\\s+")[0]);
		assertThat(browser.findElement(By.cssSelector("#segment-2 .segment-provenance")).getText()).contains("Edited by the reviewer");
		screenshot("approver-sees-review");
		click("//form[contains(@action,'/approve')]//button");
		assertThat(browser.findElements(By.cssSelector(".alert-success"))).isNotEmpty();
	}

	private WebElement active() {
		return browser.switchTo().activeElement();
	}

	private void signIn(String username) {
		open("/login");
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(StaffAccounts.PASSWORD);
		click("//form[@action='/login']//button[@type='submit']");
		browser.findElement(By.name("code")).sendKeys(staff.code(username));
		click("//form[@action='/login/factor']//button[@type='submit']");
		assertThat(browser.getCurrentUrl()).endsWith("/staff");
	}

	private void signOut() {
		click("//form[@action='/logout']//button");
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	/** Clicks what loads a page and waits until the old page is gone. */
	private void click(String xpath) {
		WebElement page = browser.findElement(By.tagName("html"));
		WebElement target = new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
			.until(b -> b.findElements(By.xpath(xpath)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
		target.click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> gone(page));
	}

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
