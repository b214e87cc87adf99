package org.kinlink.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kinlink.cases.casefile.CasesTestSupport;
import org.kinlink.shared.text.PersianText;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The canary sweep (S1-S5): unique Persian, Albanian and Latin markers typed through the real web layer into
 * every input of every module that can carry personal data, with canary visitor headers on the portal; then a
 * dump of every column of every table (rows as text, bytea raw), every byte and file name under the data
 * directory (the blob store and the keys) and the captured log output are searched for each marker in UTF-8,
 * UTF-16LE/BE, hex and Base64 (standard and URL-safe, every alignment). What the design keeps in clear on purpose
 * (INTERNAL data) is typed too, listed in {@link #INTERNAL_BY_DESIGN} with its reason, and must be found: it
 * proves the sweep sees clear text. The receipt part dumps the database after 50 submissions, tries 1,000
 * wrong receipts against the throttle and compares response times; the family's crawl of the portal with its
 * receipt never shows what it sent.
 */
@ExtendWith(OutputCaptureExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CanarySweepTests extends CasesTestSupport {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Inputs kept in clear on purpose (DESIGN.md data classes): a canary typed there must be found, which also
	 * shows that the sweep reads clear columns. Key: the input's label used below; value: why it is INTERNAL.
	 */
	static final Map<String, String> INTERNAL_BY_DESIGN = Map.of(
			"authority.name", "the directory of authorities is institutional data (INTERNAL: referrals are made to it)",
			"authority.postalAddress", "an institution's address (INTERNAL directory)",
			"glossary.term", "the glossary of places and institutions is INTERNAL (docs/security.md data classes)",
			"glossary.renderings", "renderings of a glossary term (INTERNAL)",
			"referral.theirReference", "the authority's own reference number (references are INTERNAL)",
			"template.subject", "notification templates are staff boilerplate without personal data (INTERNAL)",
			"template.body", "notification templates are staff boilerplate without personal data (INTERNAL)");

	@Autowired
	ApplicationContext context;

	/** The blob store's folder (read from the store: the test data directory is a new random one at each lookup). */
	Path blobFolder() throws Exception {
		Class<?> type = Class.forName("org.kinlink.storage.blobs.LocalFolderBlobStore");
		java.lang.reflect.Field root = type.getDeclaredField("root");
		root.setAccessible(true);
		return ((Path) root.get(context.getBean(type))).toAbsolutePath();
	}

	final Canaries canaries = new Canaries();

	/** A visitor with canary headers and a canary (IPv6 documentation) address: nothing of it may be kept (S4). */
	final class Visitor implements RequestPostProcessor {

		final String address = "2001:db8:%x:%x::%x".formatted(RANDOM.nextInt(0xffff), RANDOM.nextInt(0xffff),
				1 + RANDOM.nextInt(0xfffe));

		final String forwardedFor = "203.0.113.%d, 2001:db8::%x".formatted(1 + RANDOM.nextInt(254), RANDOM.nextInt(0xffff));

		final String agent = "Mozilla/5.0 " + canaries.latin("header.User-Agent");

		final String referrer = "https://" + canaries.latin("header.Referer").toLowerCase(java.util.Locale.ROOT) + ".example/"
				+ canaries.latin("header.Referer.path");

		final String forwarded = "for=\"[2001:db8::%x]\";by=%s".formatted(RANDOM.nextInt(0xffff), canaries.latin("header.Forwarded"));

		Visitor() {
			canaries.where().put(address, "header.remote-address");
			canaries.where().put(forwardedFor, "header.X-Forwarded-For");
			canaries.where().put(forwardedFor.substring(forwardedFor.indexOf(',') + 2), "header.X-Forwarded-For.ipv6");
			canaries.where().put(forwarded.substring(0, forwarded.indexOf(';')), "header.Forwarded.for");
		}

		@Override
		public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
				org.springframework.mock.web.MockHttpServletRequest request) {
			request.setRemoteAddr(address);
			request.addHeader("X-Forwarded-For", forwardedFor);
			request.addHeader("X-Real-IP", forwardedFor.substring(0, forwardedFor.indexOf(',')));
			request.addHeader("User-Agent", agent);
			request.addHeader("Referer", referrer);
			request.addHeader("Forwarded", forwarded);
			return request;
		}

	}

	// ---------------------------------------------------------------------------------------------------------
	// S5 and S4: every module, every input

	@Test
	@org.junit.jupiter.api.Order(1)
	void noCanaryTypedIntoAnyModuleIsFoundInTheDatabaseTheFilesOrTheLogs(CapturedOutput output) throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String caseworker = "cw.canary." + tag;
		String supervisor = "sup.canary." + tag;
		staff(caseworker, "Team-canary-" + tag, "CASEWORKER");
		staff(supervisor, "Team-canary-" + tag, "SUPERVISOR");
		clock.advance(Duration.ofMinutes(2)); // fresh throttle windows

		// The family: a letter with every field, an image with a canary in its pixels, its metadata and its name.
		Visitor visitor = new Visitor();
		Map<String, String> letter = new LinkedHashMap<>();
		letter.put("formKey", newFormKey());
		letter.put("senderNamePersian", canaries.persian("portal.senderNamePersian") + " احمدی");
		letter.put("senderNameLatin", canaries.latin("portal.senderNameLatin") + " Ahmadi");
		letter.put("relationship", canaries.persian("portal.relationship"));
		letter.put("addresseeNamePersian", canaries.persian("portal.addresseeNamePersian") + " احمدی");
		letter.put("addresseeNameLatin", canaries.albanian("portal.addresseeNameLatin") + " Ahmadi");
		letter.put("addresseeFatherName", canaries.persian("portal.addresseeFatherName"));
		letter.put("addresseeBirthYear", "1990");
		letter.put("addresseeDetails", canaries.all("portal.addresseeDetails"));
		letter.put("text", "سلام عزیزم. " + canaries.all("portal.text") + "\nدلمان برایت تنگ شده است. " + canaries.persian("portal.text.2") + ".");
		letter.put("language", "fa");
		String pixels = canaries.latin("upload.pixels");
		byte[] image = png(pixels, canaries.latin("upload.tEXt"), canaries.persian("upload.iTXt"));
		String fileName = canaries.latin("upload.filename") + ".png";
		MockHttpServletResponse sent = mvc.perform(post("/portal/letters").with(csrf()).with(visitor)
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(multipart(letter, Map.of(fileName, image)))).andReturn().getResponse();
		String receipt = receiptOf(sent);
		assertThat(receipt).as(sent.getContentAsString(StandardCharsets.UTF_8)).matches("\\d{20}");
		UUID messageId = jdbc.sql("select message_id from portal.receipt order by created_at desc limit 1").query(UUID.class).single();
		drainMediaJobs();
		UUID fileId = jdbc.sql("select id from media.file where message_id = ?").param(messageId).query(UUID.class).single();

		// The family answers, by the form and by the API, and asks the tracing service for someone.
		ok(mvc.perform(post("/portal/replies").with(csrf()).with(visitor).param("receipt", receipt)
			.param("text", canaries.all("portal.reply"))).andReturn());
		ok(mvc.perform(post("/api/v1/portal/replies").with(visitor).contentType(MediaType.APPLICATION_JSON)
			.content("{\"receipt\":\"" + receipt + "\",\"text\":\"" + canaries.all("api.reply") + "\"}")).andReturn());
		Map<String, String> tracing = new LinkedHashMap<>();
		tracing.put("formKey", newFormKey());
		tracing.put("soughtNamePersian", canaries.persian("tracing.soughtNamePersian") + " کریمی");
		tracing.put("soughtNameLatin", canaries.latin("tracing.soughtNameLatin") + " Karimi");
		tracing.put("soughtFatherName", canaries.persian("tracing.soughtFatherName"));
		tracing.put("soughtBirthYear", "1987");
		tracing.put("soughtBirthPlace", canaries.persian("tracing.soughtBirthPlace"));
		tracing.put("soughtOtherDetails", canaries.all("tracing.soughtOtherDetails"));
		tracing.put("requesterName", canaries.persian("tracing.requesterName"));
		tracing.put("requesterRelationship", canaries.persian("tracing.requesterRelationship"));
		tracing.put("language", "fa");
		MockHttpServletResponse tracingReceipt = perform(post("/portal/tracing").with(csrf()).with(visitor), tracing).getResponse();
		assertThat(receiptOf(tracingReceipt)).matches("\\d{20}");
		ok(mvc.perform(post("/api/v1/portal/tracing").with(visitor).contentType(MediaType.APPLICATION_JSON)
			.content(json(Map.of("soughtNameLatin", canaries.latin("api.tracing.soughtNameLatin"), "requesterName",
					canaries.latin("api.tracing.requesterName"), "requesterRelationship", "mother", "language", "fa"))))
			.andReturn());
		mvc.perform(get("/").with(visitor));
		mvc.perform(post("/portal/status").with(csrf()).with(visitor).param("receipt", receipt));

		// Intake: a search (never stored), a new person with canary names, the letter accepted, a reply to the family.
		RequestPostProcessor intake = as("intake.canary", "INTAKE");
		ok(mvc.perform(post("/staff/messages/{id}/person/search", messageId).with(csrf()).with(intake)
			.param("q", canaries.persian("intake.search"))).andReturn());
		ok(mvc.perform(post("/staff/messages/{id}/person/new", messageId).with(csrf()).with(intake)
			.param("namePersian", canaries.persian("intake.person.namePersian") + " احمدی")
			.param("nameLatin", canaries.latin("intake.person.nameLatin") + " Ahmadi")
			.param("fatherName", canaries.persian("intake.person.fatherName"))
			.param("birthYear", "1990")
			.param("otherDetails", canaries.all("intake.person.otherDetails"))
			.param("notADuplicate", "true")).andReturn());
		ok(mvc.perform(post("/staff/messages/{id}/accept", messageId).with(csrf()).with(intake)).andReturn());
		ok(mvc.perform(post("/staff/messages/{id}/replies", messageId).with(csrf()).with(intake)
			.param("text", canaries.all("intake.reply"))).andReturn());
		Document transcript = page(mvc.perform(get("/staff/media/{fileId}/transcript", fileId).with(intake)).andReturn());
		Element lineVersion = transcript.selectFirst("form[action$='/lines'] input[name=version]");
		ok(mvc.perform(post("/staff/media/{fileId}/transcript/lines", fileId).with(csrf()).with(intake)
			.param("page", "1").param("text", canaries.all("transcript.line"))
			.param("version", lineVersion == null ? "0" : lineVersion.val())).andReturn());

		// Translation: the translator types canaries into every segment and submits; the reviewer notes and returns.
		UUID taskId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.sql("select id from translation.task where message_id = ? and target_language = 'sq'")
			.param(messageId).query(UUID.class).optional(), java.util.Optional::isPresent).orElseThrow();
		RequestPostProcessor translator = as("translator.canary." + tag, "TRANSLATOR");
		ok(mvc.perform(post("/staff/translations/{id}/take", taskId).with(csrf()).with(translator)).andReturn());
		Document editor = page(mvc.perform(get("/staff/translations/{id}", taskId).with(translator)).andReturn());
		var save = post("/staff/translations/{id}", taskId).with(csrf()).with(translator);
		for (Element area : editor.select("textarea[name^=targets]")) {
			save.param(area.attr("name"), "Përshëndetje. " + canaries.albanian("translation.target") + " "
					+ canaries.latin("translation.target"));
		}
		editor.select("input[type=hidden][name^=revisions]").forEach(input -> save.param(input.attr("name"), input.val()));
		save.param("submitAnyway", "");
		ok(mvc.perform(save).andReturn());
		RequestPostProcessor reviewer = as("reviewer.canary." + tag, "REVIEWER");
		Document review = page(mvc.perform(get("/staff/translations/{id}", taskId).with(reviewer)).andReturn());
		Element firstReview = review.selectFirst("form[action*='/segments/'][action$='/review']");
		if (firstReview != null) {
			var reviewSegment = post(firstReview.attr("action")).with(csrf()).with(reviewer);
			firstReview.select("input[type=hidden]").forEach(input -> reviewSegment.param(input.attr("name"), input.val()));
			reviewSegment.param("target", canaries.albanian("review.target") + " " + canaries.latin("review.target"))
				.param("mark", "QUERIED")
				.param("note", canaries.all("review.note"));
			ok(mvc.perform(reviewSegment).andReturn());
		}
		ok(mvc.perform(post("/staff/translations/{id}/return", taskId).with(csrf()).with(reviewer)
			.param("comment", canaries.all("review.return"))).andReturn());

		// Glossary (INTERNAL by design) and the authority directory (INTERNAL by design).
		RequestPostProcessor liaison = as("liaison.canary." + tag, "LIAISON");
		ok(mvc.perform(post("/staff/glossary").with(csrf()).with(as("translator.canary." + tag, "TRANSLATOR", "REVIEWER"))
			.param("source", "fa").param("target", "sq").param("kind", "PLACE")
			.param("term", canaries.persian("glossary.term"))
			.param("renderings", canaries.albanian("glossary.renderings"))).andReturn());
		ok(mvc.perform(post("/staff/authorities").with(csrf()).with(liaison)
			.param("name", "Policia " + canaries.latin("authority.name"))
			.param("kind", "POLICE").param("language", "sq")
			.param("postalAddress", "Rruga " + canaries.albanian("authority.postalAddress"))
			.param("email", "policia-" + tag + "@kinlink.test").param("acknowledgementDays", "14")).andReturn());

		// Casework: the addressee's departure opens a case; every case input gets a canary.
		UUID personId = jdbc.sql("select person_id from messages.message where id = ?").param(messageId).query(UUID.class).single();
		RequestPostProcessor cw = as(caseworker, "CASEWORKER");
		MvcResult opened = mvc.perform(post("/staff/cases/departures").with(csrf()).with(cw)
			.param("personId", personId.toString())
			.param("departedOn", "1403/05/12")
			.param("departurePlace", canaries.albanian("departure.place"))
			.param("reachedSafety", canaries.all("departure.reachedSafety"))
			.param("reportedBy", canaries.persian("departure.reportedBy"))).andReturn();
		ok(opened);
		UUID caseId = UUID.fromString(opened.getResponse().getRedirectedUrl().substring("/staff/cases/".length()));
		ok(mvc.perform(post("/staff/cases/{id}/needs", caseId).with(csrf()).with(cw)
			.param("needs", canaries.all("case.needs")).param("version", String.valueOf(version(caseId)))).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/restricted", caseId).with(csrf()).with(cw)
			.param("whereabouts", canaries.all("case.whereabouts"))
			.param("contact", canaries.all("case.contact"))
			.param("health", canaries.all("case.health"))
			.param("safetyPlan", canaries.all("case.safetyPlan"))
			.param("version", String.valueOf(version(caseId)))).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/notes", caseId).with(csrf()).with(cw)
			.param("body", canaries.all("case.note"))).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/employment", caseId).with(csrf()).with(cw)
			.param("kind", "EMPLOYED").param("employer", canaries.albanian("case.employer"))
			.param("startedOn", "2025-03-01").param("monthlyIncome", "45000")).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/services", caseId).with(csrf()).with(cw)
			.param("type", "HEALTH").param("provider", canaries.albanian("service.provider"))
			.param("status", "ACTIVE").param("startedOn", "2025-03-02")
			.param("notes", canaries.all("service.notes"))).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/followups", caseId).with(csrf()).with(cw)
			.param("dueOn", "2027-01-10").param("purpose", canaries.all("followup.purpose"))).andReturn());
		UUID followUpId = jdbc.sql("select id from cases.follow_up where case_id = ?").param(caseId).query(UUID.class).single();
		ok(mvc.perform(post("/staff/cases/{id}/followups/{f}/done", caseId, followUpId).with(csrf()).with(cw)
			.param("outcome", canaries.all("followup.outcome"))).andReturn());
		ok(mvc.perform(post("/staff/cases/{id}/consent", caseId).with(csrf()).with(cw)
			.param("level", "SHARE_CONTACT").param("method", "ORAL_WITNESSED")
			.param("witness", canaries.persian("consent.witness") + " " + canaries.albanian("consent.witness"))
			.param("relatives", canaries.persian("consent.relatives"))
			.param("reason", canaries.all("consent.reason"))).andReturn());

		// The letter waiting for the person is delivered and the person answers the family.
		ok(mvc.perform(post("/staff/cases/{c}/messages/{m}/deliver", caseId, messageId).with(csrf()).with(cw)).andReturn());
		ok(mvc.perform(post("/staff/cases/{c}/messages/{m}/answer", caseId, messageId).with(csrf()).with(cw)
			.param("text", canaries.all("case.relayedAnswer"))).andReturn());

		// Staff tracing: a request typed in by a caseworker, answered with a note.
		MvcResult entered = mvc.perform(post("/staff/tracing").with(csrf()).with(cw)
			.param("soughtNamePersian", canaries.persian("staffTracing.soughtNamePersian") + " کریمی")
			.param("soughtNameLatin", canaries.latin("staffTracing.soughtNameLatin"))
			.param("soughtFatherName", canaries.persian("staffTracing.soughtFatherName"))
			.param("soughtBirthPlace", canaries.persian("staffTracing.soughtBirthPlace"))
			.param("soughtOtherDetails", canaries.all("staffTracing.soughtOtherDetails"))
			.param("requesterName", canaries.persian("staffTracing.requesterName"))
			.param("requesterRelationship", canaries.persian("staffTracing.requesterRelationship"))
			.param("language", "fa")).andReturn();
		ok(entered);
		String tracingPath = String.valueOf(entered.getResponse().getRedirectedUrl());
		ok(mvc.perform(post(tracingPath + "/link").with(csrf()).with(cw).param("personId", personId.toString())).andReturn());
		ok(mvc.perform(post(tracingPath + "/answer").with(csrf()).with(cw).param("note", canaries.all("staffTracing.answerNote")))
			.andReturn());

		// Notification templates (INTERNAL by design), then the case is closed with a note.
		ok(mvc.perform(post("/staff/cases/templates/POLICE").with(csrf()).with(as("admin.canary." + tag, "ADMIN"))
			.param("language", "sq").param("deadlineHours", "72")
			.param("subject", canaries.latin("template.subject"))
			.param("body", canaries.albanian("template.body"))
			.param("enabled", "false")).andReturn());
		// The departure drafted referrals to the authorities: a second person approves, the liaison hands them over.
		for (UUID referralId : jdbc.sql("select referral_id from cases.notification where case_id = ? and referral_id is not null")
			.param(caseId).query(UUID.class).list()) {
			ok(mvc.perform(post("/staff/referrals/{id}/approve", referralId).with(csrf()).with(as("approver.canary." + tag, "REVIEWER")))
				.andReturn());
			ok(mvc.perform(post("/staff/referrals/{id}/hand-delivery", referralId).with(csrf()).with(liaison)
				.param("deliveredOn", java.time.LocalDate.now(clock).toString())
				.param("note", canaries.all("referral.handDeliveryNote"))).andReturn());
			ok(mvc.perform(post("/staff/referrals/{id}/acknowledge", referralId).with(csrf()).with(liaison)
				.param("theirReference", canaries.latin("referral.theirReference"))
				.param("acknowledgedOn", java.time.LocalDate.now(clock).toString())).andReturn());
		}
		ok(mvc.perform(post("/staff/cases/{id}/close", caseId).with(csrf()).with(cw)
			.param("reason", "SELF_RELIANT").param("note", canaries.all("case.closeNote"))
			.param("version", String.valueOf(version(caseId)))).andReturn());

		// A control line in the log: the capture must see it, or the log search proves nothing.
		String logControl = canaries.latin("control.log");
		LoggerFactory.getLogger(CanarySweepTests.class).info("sweep control {}", logControl);

		Sweep sweep = Sweep.of(jdbc, blobFolder().getParent(), blobFolder(), output.getAll());
		assertThat(sweep.hits(logControl)).as("the log capture works").anyMatch(hit -> hit.startsWith("log"));
		List<String> leaks = new ArrayList<>();
		Set<String> internalSeen = new LinkedHashSet<>();
		for (Map.Entry<String, String> canary : canaries.where().entrySet()) {
			String input = canary.getValue();
			if (input.startsWith("control.")) {
				continue;
			}
			List<String> hits = sweep.hits(canary.getKey());
			if (INTERNAL_BY_DESIGN.containsKey(input)) {
				if (!hits.isEmpty()) {
					internalSeen.add(input);
				}
				continue;
			}
			if (!hits.isEmpty()) {
				leaks.add(input + " (" + canary.getKey() + ") in " + hits);
			}
		}
		System.out.println("Canary sweep: " + canaries.where().size() + " canaries, " + sweep.describe()
				+ "; INTERNAL by design and found in clear: " + internalSeen);
		leaks.forEach(leak -> System.out.println("LEAK " + leak));
		failedSteps.forEach(step -> System.out.println("FAILED STEP " + step));
		assertThat(internalSeen).as("the sweep finds what is kept in clear on purpose")
			.contains("authority.name", "authority.postalAddress", "glossary.term");
		assertThat(leaks).isEmpty();
		assertThat(failedSteps).as("every step stored its canaries").isEmpty();
	}


	// ---------------------------------------------------------------------------------------------------------
	// S1 and S2: receipts

	@Test
	@org.junit.jupiter.api.Order(3)
	void fiftyReceiptsAreStoredOnlyAsArgon2idAndAThousandWrongOnesFindNothingInTheSameTime(CapturedOutput output) throws Exception {
		clock.advance(Duration.ofMinutes(2));
		List<String> issued = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			MockHttpServletResponse created = mvc.perform(post("/api/v1/portal/letters").with(new Visitor())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json(Map.of("senderNameLatin", "Maryam", "relationship", "مادر", "addresseeNameLatin", "Ali",
						"text", "سلام عزیزم، نامهٔ شمارهٔ " + i, "language", "fa")))).andReturn().getResponse();
			assertThat(created.getStatus()).as(created.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
			String receipt = com.jayway.jsonpath.JsonPath.read(created.getContentAsString(StandardCharsets.UTF_8), "$.receipt");
			assertThat(receipt).matches("\\d{20}");
			issued.add(receipt);
		}
		assertThat(issued).doesNotHaveDuplicates();

		// S1: the dump, the data directory and the logs hold no receipt in any form.
		Sweep sweep = Sweep.of(jdbc, blobFolder().getParent(), blobFolder(), output.getAll());
		List<String> found = new ArrayList<>();
		for (String receipt : issued) {
			for (String form : receiptForms(receipt)) {
				List<String> hits = sweep.hits(form);
				if (!hits.isEmpty()) {
					found.add(form + " in " + hits);
				}
			}
		}
		System.out.println("S1: " + issued.size() + " receipts, " + sweep.describe() + "; receipts found: " + found);
		assertThat(found).isEmpty();
		List<String> hashes = jdbc.sql("select hash from portal.receipt").query(String.class).list();
		assertThat(hashes).hasSizeGreaterThanOrEqualTo(issued.size())
			.allMatch(h -> h.matches("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]{43}"));

		// S2: 1,000 random well-formed receipts, interleaved with valid ones, each window filled up to the global
		// limit; the request after it is refused for everyone; wrong ones all answer the same 404.
		int globalLimit = 300;
		int perClient = 10;
		List<Long> wrongNanos = new ArrayList<>();
		List<Long> validNanos = new ArrayList<>();
		Set<String> wrongBodies = new LinkedHashSet<>();
		int hits = 0;
		int globalRefusals = 0;
		int wrongSent = 0;
		int validSent = 0;
		while (wrongSent < 1000) {
			clock.advance(Duration.ofSeconds(61));
			Visitor client = new Visitor();
			int fromClient = 0;
			int inWindow = 0;
			for (; inWindow < globalLimit && wrongSent < 1000; inWindow++) {
				if (fromClient == perClient) {
					client = new Visitor();
					fromClient = 0;
				}
				fromClient++;
				boolean valid = inWindow % 8 == 7;
				String receipt = valid ? issued.get(validSent % issued.size()) : randomReceipt();
				long start = System.nanoTime();
				MockHttpServletResponse answer = status(receipt, client);
				long took = System.nanoTime() - start;
				if (valid) {
					validSent++;
					assertThat(answer.getStatus()).isEqualTo(200);
					validNanos.add(took);
				}
				else {
					wrongSent++;
					if (answer.getStatus() != 404) {
						hits++;
					}
					wrongBodies.add(answer.getContentAsString(StandardCharsets.UTF_8));
					wrongNanos.add(took);
				}
			}
			if (inWindow == globalLimit) {
				if (status(randomReceipt(), new Visitor()).getStatus() == 429) {
					globalRefusals++;
				}
			}
		}
		assertThat(hits).as("wrong receipts that found something").isZero();
		assertThat(wrongBodies).as("every wrong receipt gets the same body").hasSize(1);
		assertThat(globalRefusals).as("the request after the global limit is refused in every full window").isGreaterThanOrEqualTo(3);

		clock.advance(Duration.ofSeconds(61));
		Visitor one = new Visitor();
		for (int i = 0; i < perClient; i++) {
			assertThat(status(randomReceipt(), one).getStatus()).isEqualTo(404);
		}
		assertThat(status(issued.get(0), one).getStatus()).as("even a right receipt, once the client is over its limit").isEqualTo(429);
		assertThat(status(issued.get(0), new Visitor()).getStatus()).as("another client is not refused").isEqualTo(200);

		double wrong = median(wrongNanos) / 1e6;
		double valid = median(validNanos) / 1e6;
		double bound = Math.max(10, 0.25 * wrong);
		System.out.printf(java.util.Locale.ROOT,
				"S2 timing: %d wrong receipts median %.1f ms (p10 %.1f, p90 %.1f); %d valid receipts median %.1f ms (p10 %.1f, p90 %.1f); difference %.1f ms, bound %.1f ms%n",
				wrongNanos.size(), wrong, percentile(wrongNanos, 10) / 1e6, percentile(wrongNanos, 90) / 1e6, validNanos.size(), valid,
				percentile(validNanos, 10) / 1e6, percentile(validNanos, 90) / 1e6, Math.abs(valid - wrong), bound);
		assertThat(Math.abs(valid - wrong)).as("median time of valid vs wrong receipts (ms)").isLessThanOrEqualTo(bound);
	}

	MockHttpServletResponse status(String receipt, Visitor client) throws Exception {
		return mvc.perform(post("/api/v1/portal/status").with(client).contentType(MediaType.APPLICATION_JSON)
			.content("{\"receipt\":\"" + receipt + "\"}")).andReturn().getResponse();
	}

	static String randomReceipt() {
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			digits.append(RANDOM.nextInt(10));
		}
		return digits.toString();
	}

	/** The receipt as digits, in Persian digits, in the groups of four the page shows, and as a number. */
	static List<String> receiptForms(String receipt) {
		StringBuilder persian = new StringBuilder();
		receipt.chars().forEach(c -> persian.append((char) ('\u06F0' + c - '0')));
		String grouped = receipt.replaceAll("(\\d{4})(?!$)", "$1 ");
		return List.of(receipt, persian.toString(), grouped, receipt.substring(0, 12), receipt.substring(8));
	}

	static double median(List<Long> values) {
		return percentile(values, 50);
	}

	static double percentile(List<Long> values, int percent) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

	// ---------------------------------------------------------------------------------------------------------
	// S3: what a receipt shows

	@Test
	@org.junit.jupiter.api.Order(2)
	void aCrawlOfEveryPortalPageAndApiWithTheReceiptNeverShowsWhatTheFamilySent() throws Exception {
		clock.advance(Duration.ofMinutes(2));
		Visitor family = new Visitor();
		Map<String, String> letter = new LinkedHashMap<>();
		letter.put("formKey", newFormKey());
		letter.put("senderNamePersian", canaries.persian("s3.senderNamePersian"));
		letter.put("senderNameLatin", canaries.latin("s3.senderNameLatin"));
		letter.put("relationship", canaries.persian("s3.relationship"));
		letter.put("addresseeNamePersian", canaries.persian("s3.addresseeNamePersian"));
		letter.put("addresseeNameLatin", canaries.albanian("s3.addresseeNameLatin"));
		letter.put("addresseeFatherName", canaries.persian("s3.addresseeFatherName"));
		letter.put("addresseeDetails", canaries.all("s3.addresseeDetails"));
		letter.put("text", "سلام. " + canaries.all("s3.text"));
		letter.put("language", "fa");
		String fileName = canaries.latin("s3.filename") + ".png";
		MockHttpServletResponse sent = mvc.perform(post("/portal/letters").with(csrf()).with(family)
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(multipart(letter, Map.of(fileName, png("Salam", "x", "سلام"))))).andReturn().getResponse();
		String receipt = receiptOf(sent);
		assertThat(receipt).matches("\\d{20}");
		UUID messageId = jdbc.sql("select message_id from portal.receipt order by created_at desc limit 1").query(UUID.class).single();
		ok(mvc.perform(post("/portal/replies").with(csrf()).with(family).param("receipt", receipt)
			.param("text", canaries.all("s3.familyAnswer"))).andReturn());
		String staffReply = "پاسخ کارکنان " + Canaries.random("abcdefgh", 8);
		ok(mvc.perform(post("/staff/messages/{id}/replies", messageId).with(csrf()).with(as("intake.s3", "INTAKE"))
			.param("text", staffReply)).andReturn());
		assertThat(failedSteps).isEmpty();

		// Log in again with the receipt and crawl: every page linked from the portal, every form with the receipt,
		// both APIs, in every language.
		Map<String, String> pages = new LinkedHashMap<>();
		java.util.Deque<String> toVisit = new java.util.ArrayDeque<>(List.of("/", "/portal/status", "/portal/letters",
				"/portal/replies", "/portal/tracing", "/v3/api-docs"));
		Set<String> visited = new LinkedHashSet<>();
		boolean sawStaffReply = false;
		for (String language : List.of("fa", "sq", "en")) {
			Visitor again = new Visitor();
			for (String path : List.of("/portal/status", "/portal/replies")) {
				MockHttpServletResponse answer = mvc.perform(post(path).with(csrf()).with(again).header("Accept-Language", language)
					.param("receipt", receipt).param("lang", language)).andReturn().getResponse();
				String body = answer.getContentAsString(StandardCharsets.UTF_8);
				pages.put("POST " + path + " " + language, body + answer.getHeaderNames());
				sawStaffReply |= body.contains(staffReply);
				Document page = Jsoup.parse(body);
				page.select("a[href^=/]").eachAttr("href").forEach(toVisit::add);
				for (Element form : page.select("form[method=post]")) {
					var request = post(form.attr("action")).with(csrf()).with(again).header("Accept-Language", language);
					form.select("input[name]").forEach(input -> request.param(input.attr("name"), input.val()));
					request.param("receipt", receipt);
					MockHttpServletResponse submitted = mvc.perform(request).andReturn().getResponse();
					pages.put("POST " + form.attr("action") + " (form) " + language, submitted.getContentAsString(StandardCharsets.UTF_8));
				}
			}
			for (String api : List.of("/api/v1/portal/status", "/api/v1/portal/tracing/status")) {
				MockHttpServletResponse answer = mvc.perform(post(api).with(again).header("Accept-Language", language)
					.contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"" + receipt + "\"}")).andReturn().getResponse();
				pages.put("POST " + api + " " + language, answer.getContentAsString(StandardCharsets.UTF_8));
				sawStaffReply |= answer.getContentAsString(StandardCharsets.UTF_8).contains(staffReply);
			}
		}
		while (!toVisit.isEmpty() && visited.size() < 60) {
			String path = toVisit.pop();
			if (path.startsWith("/staff") || path.startsWith("/css") || path.startsWith("/js") || path.startsWith("/webjars")
					|| path.startsWith("/login") || !visited.add(path)) {
				continue;
			}
			MockHttpServletResponse answer = mvc.perform(get(path).with(family)).andReturn().getResponse();
			String body = answer.getContentAsString(StandardCharsets.UTF_8);
			pages.put("GET " + path, body);
			if (body.startsWith("<")) {
				Jsoup.parse(body).select("a[href^=/]").eachAttr("href").forEach(toVisit::add);
			}
		}
		assertThat(sawStaffReply).as("the crawl reaches the status page with the staff's reply").isTrue();
		List<String> shown = new ArrayList<>();
		for (Map.Entry<String, String> canary : canaries.where().entrySet()) {
			if (!canary.getValue().startsWith("s3.")) {
				continue;
			}
			Set<String> forms = new LinkedHashSet<>(List.of(canary.getKey(), PersianText.normalize(canary.getKey())));
			pages.forEach((where, body) -> forms.stream().filter(body::contains)
				.forEach(form -> shown.add(canary.getValue() + " on " + where)));
		}
		System.out.println("S3 crawl: " + pages.size() + " pages and answers: " + pages.keySet());
		assertThat(shown).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------------------
	// helpers

	private static final String BOUNDARY = "----kinlink-canary-boundary";

	static String newFormKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	static String json(Map<String, String> fields) {
		StringBuilder out = new StringBuilder("{");
		fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
		return out.append('}').toString();
	}

	MvcResult perform(MockHttpServletRequestBuilder request, Map<String, String> form) throws Exception {
		form.forEach(request::param);
		return mvc.perform(request).andReturn();
	}

	/** Steps that did not succeed: their canary never reached the store, so the sweep would prove nothing there. */
	final List<String> failedSteps = new ArrayList<>();

	void ok(MvcResult result) {
		int status = result.getResponse().getStatus();
		if (status < 200 || status > 399) {
			failedSteps.add(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " answered " + status
					+ ": " + errors(result));
		}
	}

	static String errors(MvcResult result) {
		try {
			Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
			return page.select(".invalid-feedback, .alert-danger, .alert").eachText() + " "
					+ (page.text().length() > 300 ? page.text().substring(0, 300) : page.text());
		}
		catch (Exception ex) {
			return ex.toString();
		}
	}

	static Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	static String receiptOf(MockHttpServletResponse response) throws Exception {
		return PersianText.latinDigits(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8))
			.select("#receipt span").text()).replaceAll("\\D", "");
	}

	static byte[] multipart(Map<String, String> fields, Map<String, byte[]> files) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.getKey()
					+ "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(file.getValue());
			out.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/** A PNG showing the text in its pixels, with a Latin tEXt and a UTF-8 iTXt comment in its metadata. */
	static byte[] png(String shown, String latinComment, String persianComment) throws IOException {
		BufferedImage image = new BufferedImage(640, 160, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 640, 160);
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
		g.drawString(shown, 20, 90);
		g.dispose();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
		IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
		IIOMetadataNode text = new IIOMetadataNode("tEXt");
		IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
		entry.setAttribute("keyword", "Comment");
		entry.setAttribute("value", latinComment);
		text.appendChild(entry);
		root.appendChild(text);
		IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
		IIOMetadataNode itxtEntry = new IIOMetadataNode("iTXtEntry");
		itxtEntry.setAttribute("keyword", "Description");
		itxtEntry.setAttribute("compressionFlag", "FALSE");
		itxtEntry.setAttribute("compressionMethod", "0");
		itxtEntry.setAttribute("languageTag", "fa");
		itxtEntry.setAttribute("translatedKeyword", "");
		itxtEntry.setAttribute("text", persianComment);
		itxt.appendChild(itxtEntry);
		root.appendChild(itxt);
		metadata.mergeTree("javax_imageio_png_1.0", root);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(new IIOImage(image, null, metadata));
		}
		writer.dispose();
		byte[] bytes = out.toByteArray();
		assertThat(Canaries.Pattern.indexOf(bytes, persianComment.getBytes(StandardCharsets.UTF_8))).as("the PNG carries its canary")
			.isNotNegative();
		return bytes;
	}

	/** Runs the media jobs (not scheduled in tests) until none is ready, as the job runner would. */
	void drainMediaJobs() throws Exception {
		Class<?> type = Class.forName("org.kinlink.media.processing.JobRunner");
		Object runner = context.getBean(type);
		Method runOne = type.getDeclaredMethod("runOne");
		runOne.setAccessible(true);
		for (int i = 0; i < 50 && (boolean) runOne.invoke(runner); i++) {
			// each call runs one ready job
		}
	}

	/** What an attacker with the database, the data directory and the logs has, searchable for canaries. */
	static final class Sweep {

		private final Map<String, String> sources = new LinkedHashMap<>();

		private int tables;

		private int files;

		private long bytes;

		static Sweep of(org.springframework.jdbc.core.simple.JdbcClient jdbc, Path dataDir, Path blobFolder, String log)
				throws IOException {
			Sweep sweep = new Sweep();
			List<Map<String, Object>> tables = jdbc.sql("""
					select table_schema, table_name from information_schema.tables
					where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
					  and table_schema not like 'pg\\_%'
					order by 1, 2""").query().listOfRows();
			for (Map<String, Object> table : tables) {
				String name = "\"" + table.get("table_schema") + "\".\"" + table.get("table_name") + "\"";
				StringBuilder all = new StringBuilder();
				jdbc.sql("select t::text from " + name + " t").query(String.class).list().forEach(row -> all.append(row).append('\n'));
				List<String> byteaColumns = jdbc.sql("""
						select column_name from information_schema.columns
						where table_schema = ? and table_name = ? and data_type = 'bytea'""")
					.params(table.get("table_schema"), table.get("table_name")).query(String.class).list();
				for (String column : byteaColumns) {
					jdbc.sql("select \"" + column + "\" from " + name).query(byte[].class).list().forEach(value -> {
						if (value != null) {
							all.append(new String(value, StandardCharsets.ISO_8859_1)).append('\n');
						}
					});
				}
				sweep.add("table " + table.get("table_schema") + "." + table.get("table_name"),
						new String(all.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), all.length());
				sweep.tables++;
			}
			for (Path root : new LinkedHashSet<>(List.of(dataDir, blobFolder))) {
				if (!Files.isDirectory(root)) {
					continue;
				}
				try (Stream<Path> walk = Files.walk(root)) {
					for (Path path : (Iterable<Path>) walk::iterator) {
						String name = new String(path.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
						sweep.add("file name " + path, name, 0);
						if (Files.isRegularFile(path) && Files.size(path) < 64L * 1024 * 1024) {
							byte[] content = Files.readAllBytes(path);
							sweep.add("file " + root.relativize(path), new String(content, StandardCharsets.ISO_8859_1), content.length);
							sweep.files++;
						}
					}
				}
			}
			sweep.add("log", new String(log.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1), log.length());
			return sweep;
		}

		private void add(String label, String latin1, long size) {
			sources.merge(label, latin1, String::concat);
			bytes += size;
		}

		/** Where the canary was found, as "source (encoding)". */
		List<String> hits(String canary) {
			List<String> hits = new ArrayList<>();
			for (Canaries.Pattern pattern : Canaries.patterns(canary)) {
				String needle = new String(pattern.bytes(), StandardCharsets.ISO_8859_1);
				sources.forEach((label, haystack) -> {
					if (haystack.contains(needle)) {
						hits.add(label + " (" + pattern.encoding() + ")");
					}
				});
			}
			return hits.stream().distinct().toList();
		}

		String describe() {
			return tables + " tables, " + files + " files, " + bytes + " bytes searched";
		}

	}

	static <T> List<T> shuffled(List<T> items) {
		List<T> copy = new ArrayList<>(items);
		Collections.shuffle(copy, RANDOM);
		return copy;
	}

}
