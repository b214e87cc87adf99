package org.kinlink.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;
import org.kinlink.media.ffmpeg.Ffmpeg;
import org.kinlink.testsupport.web.StaffAccounts;
import org.kinlink.testsupport.web.WebClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Issue #3's path through real HTTP, a real PostgreSQL, the real ffmpeg and a real SMTP server: a family uploads
 * a video over tus on a connection that drops twice and sends it as a letter with no text; the pipeline makes a
 * working copy without the phone's metadata; intake writes the Persian cues; a translator translates them into
 * Albanian and a reviewer approves; the copy with Albanian subtitles burned in is made; staff watch the video
 * with its subtitle track; the police receive a packet with the subtitled copy attached and its digest listed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "kinlink.test.context=media-journey",
		"kinlink.media.jobs.enabled=true", "kinlink.media.jobs.initial-delay=PT0S", "kinlink.media.jobs.poll=PT0.2S" })
class MediaJourneyTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(org.kinlink.testsupport.TestSmtp.setup());

	private static final String SECRET_TITLE = "Kinlink canary title 7Q2Z";

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	MediaFiles media;

	@Autowired
	Ffmpeg ffmpeg;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aVideoUploadedOverADroppingConnectionReachesThePoliceWithAlbanianSubtitles() throws Exception {
		StaffAccounts staff = new StaffAccounts(port);
		WebClient admin = staff.setUpAdministrator();
		WebClient intake = staff.colleague(admin, "ilir.intake", "fa", "INTAKE");
		WebClient translator = staff.colleague(admin, "tana.translator", "sq", "TRANSLATOR");
		WebClient reviewer = staff.colleague(admin, "rea.reviewer", "en", "REVIEWER", "LIAISON");
		WebClient liaison = staff.colleague(admin, "lena.liaison", "sq", "LIAISON");

		// The family's phone video, with a title and a place in its metadata; uploaded with two dropped connections.
		byte[] video = phoneVideo();
		UUID upload = createUpload(video.length);
		int firstCut = video.length / 3;
		int secondCut = 2 * video.length / 3;
		dropMidPatch(upload, video, 0, firstCut);
		dropMidPatch(upload, video, firstCut, secondCut);
		HttpResponse<String> last = http.send(patch(upload, secondCut, Arrays.copyOfRange(video, secondCut, video.length)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(last.statusCode()).isEqualTo(204);
		assertThat(last.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(video.length));

		// A letter with no text, only the video: the receipt comes only now that the file is attached.
		HttpResponse<String> sent = http.send(HttpRequest.newBuilder(uri("/api/v1/portal/letters"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "fa")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"senderNamePersian":"مریم رضایی","senderNameLatin":"Maryam Rezaei","relationship":"مادر",
					 "addresseeNamePersian":"علی رضایی","addresseeNameLatin":"Ali Rezaei","addresseeFatherName":"حسن",
					 "addresseeBirthYear":1985,"language":"fa","uploadIds":["%s"]}""".formatted(upload)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		assertThat(sent.body()).containsPattern("\"receipt\"\\s*:\\s*\"\\d{20}\"");

		// Intake finds the letter with its file; the pipeline makes a working copy without the metadata.
		Element link = intake.get("/staff/messages").selectFirst("a[href^='/staff/messages/']");
		assertThat(link).isNotNull();
		Document message = intake.get(link.attr("href"));
		Element fileLink = message.selectFirst("a[href^='/staff/media/']");
		assertThat(fileLink).as("the message lists its file").isNotNull();
		UUID fileId = UUID.fromString(fileLink.attr("href").replaceAll(".*/staff/media/([0-9a-f-]{36}).*", "$1"));
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
			.until(() -> media.file(fileId).status() != MediaStatus.RECEIVED && media.file(fileId).status() != MediaStatus.PROCESSING);
		assertThat(media.file(fileId).status()).isEqualTo(MediaStatus.READY);
		assertThat(media.file(fileId).sha256()).isEqualTo(sha256(video));
		byte[] working = read(media, fileId, Rendition.of(Rendition.Kind.WORKING));
		assertThat(new String(working, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET_TITLE).doesNotContain("+41.3275");
		intake.submit("form[action$='/person/new']", Map.of("notADuplicate", "true")); // a namesake of another test may exist
		assertThat(intake.submit("form[action$='/accept']").select(".alert-danger")).isEmpty();

		// Intake writes the Persian cues beside the player and approves the transcript for translation.
		String transcriptPath = "/staff/media/" + fileId + "/transcript";
		assertThat(intake.get(transcriptPath).select("video")).isNotEmpty();
		intake.submit("form.add-cue", Map.of("start", "00:00.200", "end", "00:01.800", "text", "سلام پسرم، دلم برایت تنگ شده است."));
		intake.submit("form.add-cue", Map.of("start", "00:02.000", "end", "00:03.800", "text", "ما همه سالم هستیم و منتظرت هستیم."));
		Document approvedTranscript = intake.submit("form[action$='/transcript/approve']");
		assertThat(approvedTranscript.select(".alert-danger")).isEmpty();

		// The translator takes the Albanian task of the video and translates both cues.
		String languagePair = messages.getMessage("translation.languagePair",
				new Object[] { text("translation.language.fa"), text("translation.language.sq") }, Locale.forLanguageTag("sq"));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
			.until(() -> translator.get("/staff/translations").select("tr.open-task").stream()
				.anyMatch(row -> row.text().contains(languagePair)));
		Document editor = translator.submit("tr.open-task:contains(" + languagePair + ") form");
		if (editor.select("textarea[name^=targets]").isEmpty()) {
			editor = translator.get(translator.page().select("tr.my-task a").first().attr("href"));
		}
		List<String> albanian = List.of("Përshëndetje, djali im, më ke marrë shumë mall.", "Ne jemi të gjithë mirë dhe të presim.");
		Map<String, String> targets = new LinkedHashMap<>();
		for (Element area : editor.select("textarea[name^=targets]")) {
			int index = Integer.parseInt(area.attr("name").replaceAll("\\D", ""));
			targets.put(area.attr("name"), albanian.get(index % albanian.size()));
		}
		assertThat(targets).hasSize(2);
		targets.put("submitForReview", "");
		String editorPath = URI.create(editor.location()).getPath();
		Document submitted = translator.submit("form[action='" + editorPath + "']", targets);
		if (!submitted.select("button[name=submitAnyway]").isEmpty()) {
			targets.remove("submitForReview");
			targets.put("submitAnyway", "");
			translator.submit("form[action='" + editorPath + "']", targets);
		}
		reviewer.get(editorPath);
		reviewer.submit("form[action$='/reviewed']");
		assertThat(reviewer.submit("form[action$='/approve']").select(".alert-danger")).isEmpty();

		// Staff watch it with the Albanian track; the copy with the subtitles burned in is made for the police.
		Document watch = reviewer.get(editorPath + "/watch");
		assertThat(watch.select("video track[srclang=sq]")).isNotEmpty();
		assertThat(reviewer.get(editorPath + "/subtitles.vtt").text()).contains("WEBVTT").contains("00:00:00.200 --> 00:00:01.800")
			.contains(albanian.get(0));
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
			.until(() -> media.file(fileId).has(Rendition.subtitled("sq")));
		byte[] subtitled = read(media, fileId, Rendition.subtitled("sq"));

		// The police get the packet with the subtitled copy attached and its digest listed.
		liaison.get("/staff/authorities/new");
		liaison.submit("form[action='/staff/authorities']", Map.of("name", "Policia e Shtetit, Drejtoria e Tiranës", "kind", "POLICE",
				"language", "sq", "postalAddress", "Rruga e Durrësit, Tiranë", "email", "policia@example.test",
				"acknowledgementDays", "14"));
		Document newReferral = liaison.get("/staff/referrals/new");
		String authorityId = newReferral.select("select[name=authorityId] option[value!='']").first().val();
		String messageId = newReferral.select("input[name=messageIds]").first().val();
		Document draft = liaison.submit("form[action='/staff/referrals']", Map.of("authorityId", authorityId), "messageIds", messageId);
		String referralPath = URI.create(draft.location()).getPath();
		assertThat(referralPath).as("the draft referral opens: %s", draft.select(".alert, .invalid-feedback").text())
			.matches("/staff/referrals/[0-9a-f-]{36}");
		reviewer.get(referralPath);
		reviewer.submit("form[action$='/approve']");
		liaison.get(referralPath);
		liaison.submit("form[action$='/dispatch']");

		assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
		MimeMessage police = mail.getReceivedMessages()[0];
		byte[] enclosure = attachment(police, "video/mp4");
		assertThat(enclosure).isEqualTo(subtitled);
		byte[] packet = attachment(police, "application/pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(packet)) {
			String packetText = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
			assertThat(packetText).as("the packet lists the enclosure's digest").contains(sha256(enclosure));
			assertThat(packetText).contains(albanian.get(0).replaceAll("\\s+", ""));
		}
		assertThat(liaison.get(referralPath).text()).contains(sha256(packet));
	}

	private byte[] phoneVideo() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Ffmpeg.Result made = ffmpeg.ffmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4", "-f", "lavfi",
				"-i", "sine=frequency=440:duration=4", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
				"-metadata", "title=" + SECRET_TITLE, "-metadata", "location=+41.3275+019.8187/", "-f", "mp4",
				"-movflags", "frag_keyframe+empty_moov", "pipe:1"), null, out, Duration.ofMinutes(2));
		assertThat(made.ok()).as(made.stderrTail()).isTrue();
		assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).contains(SECRET_TITLE);
		return out.toByteArray();
	}

	private UUID createUpload(long length) throws Exception {
		String name = Base64.getEncoder().encodeToString("ویدیو.mp4".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/portal/uploads"))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(length))
			.header("Upload-Metadata", "filename " + name)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		String location = created.headers().firstValue("Location").orElseThrow();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	/** Sends the bytes from {@code offset} on, but the connection drops after {@code cut}; the server keeps what came. */
	private void dropMidPatch(UUID upload, byte[] bytes, int offset, int cut) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PATCH /api/v1/portal/uploads/" + upload + " HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
					+ "Upload-Offset: " + offset + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: "
					+ (bytes.length - offset) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes, offset, cut - offset);
			out.flush();
		}
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> String.valueOf(cut)
			.equals(http.send(HttpRequest.newBuilder(uri("/api/v1/portal/uploads/" + upload)).header("Tus-Resumable", "1.0.0")
				.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
				.headers().firstValue("Upload-Offset").orElse("")));
	}

	private HttpRequest patch(UUID upload, long offset, byte[] bytes) {
		return HttpRequest.newBuilder(uri("/api/v1/portal/uploads/" + upload))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", String.valueOf(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.forLanguageTag("sq"));
	}

	private static byte[] read(MediaFiles media, UUID fileId, Rendition rendition) throws Exception {
		var content = media.content(fileId, rendition);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SeekableByteChannel channel = content.channel().get()) {
			ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
			while (channel.read(buffer) > 0) {
				out.write(buffer.array(), 0, buffer.position());
				buffer.clear();
			}
		}
		return out.toByteArray();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static byte[] attachment(MimeMessage message, String type) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContentType().toLowerCase(Locale.ROOT).startsWith(type)) {
				return part.getInputStream().readAllBytes();
			}
		}
		throw new AssertionError("no " + type + " attached");
	}

}
