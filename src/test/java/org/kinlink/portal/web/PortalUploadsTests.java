package org.kinlink.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.media.uploads.TusClient;
import org.kinlink.media.uploads.UploadsWebTest;
import org.kinlink.messages.FamilyMessages;
import org.kinlink.portal.PortalClient;
import org.kinlink.portal.receipts.Receipt;
import org.kinlink.portal.receipts.Receipts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Letters with files on the portal: a plain multipart form (no JavaScript) that streams its files through
 * encryption with no temporary file, the form kept with its files when something is wrong, the receipt only
 * after every upload is attached, and the JSON API's uploadIds.
 */
@UploadsWebTest
class PortalUploadsTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BOUNDARY = "----kinlink-test-boundary";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	FamilyMessages familyMessages;

	@Autowired
	Receipts receipts;

	@LocalServerPort
	int port;

	PortalClient family;

	TusClient tus;

	@BeforeEach
	void newVisitor() {
		family = new PortalClient(mvc);
		tus = new TusClient(mvc);
	}

	record FilePart(String name, byte[] bytes) {
	}

	static byte[] multipart(Map<String, String> fields, List<FilePart> files) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (FilePart file : files) {
			out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.name()
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.write(file.bytes());
			out.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	MockHttpServletResponse sendMultipart(Map<String, String> fields, List<FilePart> files, String language) throws Exception {
		return mvc.perform(post("/portal/letters").with(csrf())
			.with(family.from())
			.header("Accept-Language", language)
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(multipart(fields, files))).andReturn().getResponse();
	}

	MockHttpServletResponse sendForm(Map<String, String> form, List<UUID> uploadIds) throws Exception {
		var request = post("/portal/letters").with(csrf()).with(family.from()).header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach(request::param);
		uploadIds.forEach(id -> request.param("uploadIds", id.toString()));
		return mvc.perform(request).andReturn().getResponse();
	}

	static Document page(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	List<UUID> filesOf(String receiptDigits) {
		UUID messageId = receipts.find(Receipt.parse(receiptDigits).orElseThrow()).orElseThrow();
		return jdbc.sql("select upload_id from media.file where message_id = ? order by received_at").param(messageId)
			.query(UUID.class)
			.list();
	}

	static String receiptOf(Document page) {
		return org.kinlink.shared.text.PersianText.latinDigits(page.select("#receipt span").text()).replaceAll("\\D", "");
	}

	@Test
	void aPlainFormCarriesAFileWithoutTextStreamedWithNoTemporaryFile() throws Exception {
		Instant started = Instant.now().minusSeconds(1);
		byte[] canary = ("KINLINK-CANARY-" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
		byte[] file = randomBytes(1_500_000);
		System.arraycopy(canary, 0, file, 700_000, canary.length);

		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		Document form = Jsoup.parse(http.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Accept-Language", "en").build(),
				HttpResponse.BodyHandlers.ofString()).body());
		String action = form.selectFirst("form#letter-form").attr("action");
		assertThat(action).startsWith("/portal/letters?_csrf=");
		assertThat(form.selectFirst("form#letter-form").attr("enctype")).isEqualTo("multipart/form-data");
		Map<String, String> fields = PortalClient.letter("");
		fields.remove("text");
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Accept-Language", "en")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fields, List.of(new FilePart("نامه.jpg", file)))))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(200);
		String receipt = receiptOf(Jsoup.parse(answer.body()));
		assertThat(receipt).hasSize(20);
		List<UUID> uploads = filesOf(receipt);
		assertThat(uploads).hasSize(1);
		assertThat(jdbc.sql("select received from media.upload where id = ?").param(uploads.get(0)).query(Long.class).single())
			.isEqualTo(file.length);
		UUID messageId = receipts.find(Receipt.parse(receipt).orElseThrow()).orElseThrow();
		assertThat(familyMessages.content(messageId).letter().text()).isEmpty();
		assertThat(familyMessages.content(messageId).letter().files()).isEqualTo(1);
		assertThat(plaintextFilesUnderTmp(started, canary)).isEmpty();
	}

	/** Every file written under java.io.tmpdir since the test began that holds the canary in plaintext. */
	static List<Path> plaintextFilesUnderTmp(Instant since, byte[] canary) throws IOException {
		List<Path> found = new ArrayList<>();
		String needle = new String(canary, StandardCharsets.ISO_8859_1);
		try (Stream<Path> files = Files.find(Path.of(System.getProperty("java.io.tmpdir")), 12,
				(path, attributes) -> recent(attributes, since))) {
			for (Path path : files.toList()) {
				try {
					if (new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1).contains(needle)) {
						found.add(path);
					}
				}
				catch (IOException | SecurityException ex) {
					// unreadable (another user's file, or gone meanwhile): not ours
				}
			}
		}
		return found;
	}

	private static boolean recent(BasicFileAttributes attributes, Instant since) {
		return attributes.isRegularFile() && attributes.size() < 64L * 1024 * 1024
				&& attributes.lastModifiedTime().toInstant().isAfter(since);
	}

	@Test
	void aFilePastThePlainFormLimitIsRefusedInTheReadersLanguageAndNothingOfItIsKept() throws Exception {
		for (String language : List.of("fa", "sq", "en")) {
			long uploadsBefore = count("media.upload");
			long messagesBefore = count("messages.message");
			Map<String, String> fields = PortalClient.letter("سلام");
			MockHttpServletResponse response = sendMultipart(fields,
					List.of(new FilePart("video.mp4", randomBytes(2 * 1024 * 1024 + 1))), language);
			assertThat(response.getStatus()).isEqualTo(413);
			Document form = page(response);
			assertThat(form.select("#upload-problem").text())
				.isEqualTo(messages.getMessage("portal.letter.files.tooLarge", null, Locale.forLanguageTag(language)));
			assertThat(form.select("input[name=relationship]").val()).isEqualTo("مادر");
			assertThat(count("media.upload")).isEqualTo(uploadsBefore);
			assertThat(count("messages.message")).isEqualTo(messagesBefore);
		}
	}

	@Test
	void theLimitsAreShownBeforeTheUpload() throws Exception {
		Document form = page(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
			.header("Accept-Language", "en")).andReturn().getResponse());
		assertThat(form.select("#file-limits").text()).contains("JPEG", "HEIC", "opus", "mkv", "up to 16 MB", "up to 2 MB",
				"At most 3 files");
		assertThat(form.select("input[type=file][name=files]").attr("accept")).contains("image/jpeg", "video/mp4", ".opus");
		assertThat(form.selectFirst("form#letter-form").attr("data-max-files")).isEqualTo("3");
	}

	@Test
	void aFormThatComesBackKeepsItsStoredFilesAndTheLetterThenCarriesThem() throws Exception {
		Map<String, String> fields = PortalClient.letter("نامه با عکس");
		fields.put("relationship", "");
		MockHttpServletResponse refused = sendMultipart(fields, List.of(new FilePart("page1.jpg", randomBytes(5000))), "en");
		assertThat(refused.getStatus()).isEqualTo(400);
		List<String> kept = page(refused).select("#kept-uploads input[name=uploadIds][checked]").eachAttr("value");
		assertThat(kept).hasSize(1);
		UUID upload = UUID.fromString(kept.get(0));
		assertThat(jdbc.sql("select count(*) from media.upload where id = ? and completed_at is not null and claimed_at is null")
			.param(upload).query(Long.class).single()).isOne();

		fields.put("relationship", "مادر");
		Document receiptPage = page(sendForm(fields, List.of(upload)));
		assertThat(filesOf(receiptOf(receiptPage))).containsExactly(upload);
	}

	@Test
	void refusesUnknownUnfinishedAndUsedUploadsAndGivesNoReceipt() throws Exception {
		UUID unfinished = tus.newUpload(100, "half.mp4");
		tus.patch(unfinished, 0, randomBytes(50));
		UUID finished = tus.upload(randomBytes(100), "photo.jpg");
		for (UUID bad : List.of(UUID.randomUUID(), unfinished)) {
			long before = count("messages.message");
			Map<String, String> fields = PortalClient.letter("سلام");
			MockHttpServletResponse response = sendForm(fields, List.of(finished, bad));
			assertThat(response.getStatus()).isEqualTo(409);
			Document form = page(response);
			assertThat(form.select("#receipt")).isEmpty();
			assertThat(form.select("#upload-problem").text()).contains("has not finished uploading");
			assertThat(form.select("#kept-uploads input[name=uploadIds]").eachAttr("value"))
				.containsExactly(finished.toString(), bad.toString());
			assertThat(count("messages.message")).isEqualTo(before);
			assertThat(jdbc.sql("select claimed_at is null from media.upload where id = ?").param(finished).query(Boolean.class).single())
				.isTrue();
		}
		Document first = page(sendForm(PortalClient.letter("سلام"), List.of(finished)));
		assertThat(filesOf(receiptOf(first))).containsExactly(finished);
		MockHttpServletResponse again = sendForm(PortalClient.letter("سلام"), List.of(finished));
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(page(again).select("#receipt")).isEmpty();
	}

	@Test
	void refusesMoreFilesThanTheLimitAndMalformedUploadIds() throws Exception {
		List<UUID> four = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			four.add(tus.upload(randomBytes(10), "p" + i + ".jpg"));
		}
		MockHttpServletResponse tooMany = sendForm(PortalClient.letter("سلام"), four);
		assertThat(tooMany.getStatus()).isEqualTo(400);
		assertThat(page(tooMany).text()).contains("too many files");

		var request = post("/portal/letters").with(csrf()).with(family.from()).header("Accept-Language", "en");
		PortalClient.letter("سلام").forEach(request::param);
		request.param("uploadIds", "../../etc/passwd");
		MockHttpServletResponse malformed = mvc.perform(request).andReturn().getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(page(malformed).text()).contains("list of files sent with the form is not valid");
	}

	@Test
	void theJsonApiTakesUploadIdsAndRefusesUploadsThatAreNotReady() throws Exception {
		UUID finished = tus.upload(randomBytes(100), "voice.ogg");
		String letter = """
				{"senderNamePersian": "مریم احمدی", "relationship": "مادر", "addresseeNamePersian": "علی احمدی",
				 "language": "fa", "uploadIds": ["%s"]}""";
		MockHttpServletResponse created = mvc.perform(post("/api/v1/portal/letters").with(family.from())
			.contentType(MediaType.APPLICATION_JSON)
			.content(letter.formatted(finished))).andReturn().getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		String receipt = created.getContentAsString().replaceAll(".*\"receipt\":\"(\\d{20})\".*", "$1");
		assertThat(filesOf(receipt)).containsExactly(finished);

		MockHttpServletResponse notReady = mvc.perform(post("/api/v1/portal/letters").with(family.from())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(letter.formatted(UUID.randomUUID()))).andReturn().getResponse();
		assertThat(notReady.getStatus()).isEqualTo(409);
		assertThat(notReady.getContentAsString()).contains("\"code\":\"uploads.notReady\"");

		MockHttpServletResponse empty = mvc.perform(post("/api/v1/portal/letters").with(family.from())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"senderNamePersian": "مریم احمدی", "relationship": "مادر", "addresseeNamePersian": "علی احمدی", "language": "fa"}"""))
			.andReturn().getResponse();
		assertThat(empty.getStatus()).isEqualTo(400);
	}

	@Test
	void theApiDocumentsUploadIdsAndTheTusEndpoint() throws Exception {
		String docs = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(docs).contains("uploadIds", "/api/v1/portal/uploads");
	}

	static Map<String, String> copy(Map<String, String> map) {
		return new LinkedHashMap<>(map);
	}

}
