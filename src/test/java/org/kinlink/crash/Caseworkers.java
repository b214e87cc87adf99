package org.kinlink.crash;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.kinlink.testsupport.web.StaffAccounts;
import org.kinlink.testsupport.web.WebClient;

/**
 * The association's staff at their browsers while the server is killed under them: intake triages letters
 * (text letters accepted, letters with files set aside with a reason), a translator takes and translates the
 * Albanian task, a reviewer approves it, a liaison refers the message to a ministry, approves and dispatches
 * the packet by e-mail. Like people reloading a page after an error, every round looks at what the pages show
 * now and does the most advanced piece of work there is, so a step that a kill cut off is either seen done or
 * done again: the server must make the second attempt harmless.
 */
final class Caseworkers {

	static final String AUTHORITY_EMAIL = "ministria@example.test";

	private static final String TABLE_LINK = "table tbody tr td a[href^='/staff/%s/']";

	private final WebClient intake;

	private final WebClient translator;

	private final WebClient reviewer;

	private final WebClient liaison;

	/** How often each piece of work was done (requests the server answered), for the report. */
	final Map<String, Integer> done = new TreeMap<>();

	/** What was done before the load stopped, that is while the server was being killed. */
	final Map<String, Integer> underKills = new TreeMap<>();

	/** Rounds that met a server without an answer (killed, starting, database down). */
	int unanswered;

	/** The letter intake is triaging: new letters keep arriving on top of the inbox, so intake stays with one. */
	private String triaging;

	private Caseworkers(WebClient intake, WebClient translator, WebClient reviewer, WebClient liaison) {
		this.intake = intake;
		this.translator = translator;
		this.reviewer = reviewer;
		this.liaison = liaison;
	}

	/** The administrator, the four colleagues with their second factor, and the ministry in the directory. */
	static Caseworkers setUp(int port) {
		StaffAccounts staff = new StaffAccounts(port, true);
		WebClient admin = staff.setUpAdministrator();
		Caseworkers team = new Caseworkers(staff.colleague(admin, "ilir.intake", "en", "INTAKE"),
				staff.colleague(admin, "tana.translator", "en", "TRANSLATOR"),
				staff.colleague(admin, "rea.reviewer", "en", "REVIEWER"),
				staff.colleague(admin, "lena.liaison", "en", "LIAISON"));
		team.liaison.get("/staff/authorities/new");
		team.liaison.submit("form[action='/staff/authorities']", Map.of("name", "Ministria e Brendshme", "kind", "MINISTRY",
				"language", "sq", "postalAddress", "Sheshi Skënderbej 3, Tiranë", "email", AUTHORITY_EMAIL,
				"acknowledgementDays", "14"));
		return team;
	}

	/**
	 * Works until {@code stop} says so; then takes no new letters but finishes the ones in hand, until there is
	 * no work left or {@code giveUp}.
	 */
	void run(BooleanSupplier stop, BooleanSupplier giveUp) throws InterruptedException {
		boolean stopped = false;
		while (!giveUp.getAsBoolean()) {
			if (!stopped && stop.getAsBoolean()) {
				stopped = true;
				underKills.putAll(done);
			}
			boolean worked;
			try {
				worked = round(!stopped);
			}
			catch (WebClient.NoAnswer ex) {
				// a refused connection comes back at once: look again soon, the server's windows are short
				unanswered++;
				TimeUnit.MILLISECONDS.sleep(100);
				continue;
			}
			if (!worked) {
				if (stop.getAsBoolean()) {
					return;
				}
				TimeUnit.MILLISECONDS.sleep(500);
			}
		}
	}

	/** One piece of work, the most advanced there is; false when there was none. */
	private boolean round(boolean newLetters) {
		return referral() || createReferral() || review() || translateOrTake() || newLetters && triage();
	}

	/** Dispatches an approved referral, or else approves a draft: one list, the page of the first such referral. */
	private boolean referral() {
		Document list = liaison.get("/staff/referrals");
		for (String state : List.of("Approved", "Draft")) {
			Element row = list.select("table tbody tr").stream()
				.filter(tr -> tr.select(".badge").text().equals(state))
				.findFirst()
				.orElse(null);
			if (row == null) {
				continue;
			}
			Document page = liaison.get(row.selectFirst("a[href^='/staff/referrals/']").attr("href"));
			String action = state.equals("Approved") ? "dispatch" : "approve";
			if (page.selectFirst("form[action$='/" + action + "']") != null) {
				liaison.submit("form[action$='/" + action + "']");
				count(state.equals("Approved") ? "dispatch" : "approve referral");
			}
			return true;
		}
		return false;
	}

	/** A referral of one message not referred yet (its status still "approved"). */
	private boolean createReferral() {
		Document form = liaison.get("/staff/referrals/new");
		Element candidate = form.select("form[action='/staff/referrals'] .form-check").stream()
			.filter(check -> check.text().contains("approved"))
			.map(check -> check.selectFirst("input[name=messageIds]"))
			.findFirst()
			.orElse(null);
		Element authority = form.selectFirst("select[name=authorityId] option[value!='']");
		if (candidate == null || authority == null) {
			return false;
		}
		liaison.submit("form[action='/staff/referrals']", Map.of("authorityId", authority.val()), "messageIds", candidate.val());
		count("create referral");
		return true;
	}

	private boolean review() {
		if (!openTask(reviewer, "tr.review-task")) {
			return false;
		}
		if (reviewer.page().selectFirst("form[action$='/reviewed']") != null) {
			reviewer.submit("form[action$='/reviewed']");
			count("mark reviewed");
		}
		if (reviewer.page().selectFirst("form[action$='/approve']") != null) {
			reviewer.submit("form[action$='/approve']");
			count("approve translation");
		}
		return true;
	}

	/** Translates the translator's Albanian task in progress, or else takes an open one: one list. */
	private boolean translateOrTake() {
		Document list = translator.get("/staff/translations");
		Element mine = list.selectFirst("tr.my-task:contains(In progress):contains(Albanian) a[href^='/staff/translations/']");
		if (mine == null) {
			if (list.select("tr.open-task:contains(Albanian) form").isEmpty()) {
				return false;
			}
			translator.submit("tr.open-task:contains(Albanian) form");
			count("take task");
			return true;
		}
		Document editor = translator.get(mine.attr("href"));
		String path = java.net.URI.create(editor.location()).getPath();
		if (editor.selectFirst("form[action='" + path + "'] textarea[name^=targets]") == null) {
			return false;
		}
		Map<String, String> targets = new LinkedHashMap<>();
		for (Element area : editor.select("textarea[name^=targets]")) {
			targets.put(area.attr("name"), "Përshëndetje, vëlla i dashur. Të gjithë jemi mirë dhe presim lajme nga ti.");
		}
		targets.put("submitForReview", "");
		Document submitted = translator.submit("form[action='" + path + "']", targets);
		if (submitted.selectFirst("button[name=submitAnyway]") != null) {
			targets.remove("submitForReview");
			targets.put("submitAnyway", "");
			translator.submit("form[action='" + path + "']", targets);
		}
		count("translate");
		return true;
	}

	/** Text letters: a person from the letter's names, then accepted; letters with files: set aside, with a reason. */
	private boolean triage() {
		Document message = triaging == null ? null : intake.get(triaging);
		if (message == null || message.selectFirst("form[action$='/accept']") == null) {
			triaging = null;
			if (!open(intake, "/staff/messages?status=RECEIVED", "messages")) {
				return false;
			}
			message = intake.page();
			if (message.selectFirst("form[action$='/accept']") == null) {
				return true;
			}
			triaging = java.net.URI.create(message.location()).getPath();
		}
		if (message.selectFirst("#files") != null) {
			intake.submit("form[action$='/reject']", Map.of("reason", "Set aside by the crash harness: its files are not translated here."));
			count("reject");
		}
		else if (message.selectFirst("#linked-person") == null) {
			intake.submit("form[action$='/person/new']", Map.of("namePersian", "علی رضایی", "nameLatin", "Ali Rezaei",
					"notADuplicate", "true"));
			count("create person");
		}
		else {
			intake.submit("form[action$='/accept']");
			count("accept");
		}
		return true;
	}

	/** Opens the first Albanian task of the given rows on the translations page. */
	private boolean openTask(WebClient client, String rows) {
		Document list = client.get("/staff/translations");
		List<Element> links = list.select(rows + ":contains(Albanian) a[href^='/staff/translations/']");
		if (links.isEmpty()) {
			return false;
		}
		client.get(links.get(0).attr("href"));
		return true;
	}

	/** Opens the first record listed on the page; false when the list is empty. */
	private static boolean open(WebClient client, String list, String kind) {
		Element first = client.get(list).selectFirst(String.format(TABLE_LINK, kind));
		if (first == null) {
			return false;
		}
		client.get(first.attr("href"));
		return true;
	}

	private void count(String work) {
		done.merge(work, 1, Integer::sum);
	}

}
