package org.kinlink.media.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinlink.storage.Blobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * tus 1.0 at /api/v1/portal/uploads on encrypted parts: offsets, a PATCH cut off half way and resumed, every
 * bad request answered with its tus status (never 500), termination, leases and the expiry clean-up.
 */
@UploadsWebTest
class TusProtocolTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UploadStore store;

	@Autowired
	ExpiredUploads expiredUploads;

	@Autowired
	Blobs blobs;

	@LocalServerPort
	int port;

	TusClient tus;

	@BeforeEach
	void client() {
		tus = new TusClient(mvc);
	}

	static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	byte[] stored(UUID id) throws Exception {
		try (InputStream in = store.read(id)) {
			return in.readAllBytes();
		}
	}

	List<UUID> partBlobs(UUID id) {
		return jdbc.sql("select blob_id from media.upload_part where upload_id = ? order by seq").param(id).query(UUID.class).list();
	}

	@Test
	void createsAnUploadAndAppendsPatchesAtTheOffsetsHeadReports() throws Exception {
		byte[] bytes = randomBytes(3 * 1024 * 1024 + 17);
		MockHttpServletResponse created = tus.create(bytes.length, "نامه مادر.jpg").getResponse();
		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(created.getHeader("Location")).matches(".*/api/v1/portal/uploads/[0-9a-f-]{36}");
		UUID id = UUID.fromString(created.getHeader("Location").replaceAll(".*/", ""));

		MockHttpServletResponse head = tus.head(id).getResponse();
		assertThat(head.getStatus()).isIn(200, 204);
		assertThat(head.getHeader("Upload-Offset")).isEqualTo("0");
		assertThat(head.getHeader("Upload-Length")).isEqualTo(String.valueOf(bytes.length));
		assertThat(head.getHeader("Cache-Control")).contains("no-store");

		int half = bytes.length / 2;
		MockHttpServletResponse first = tus.patch(id, 0, Arrays.copyOfRange(bytes, 0, half)).getResponse();
		assertThat(first.getStatus()).isEqualTo(204);
		assertThat(first.getHeader("Upload-Offset")).isEqualTo(String.valueOf(half));
		assertThat(first.getHeader("Upload-Expires")).isNotBlank();
		assertThat(tus.head(id).getResponse().getHeader("Upload-Offset")).isEqualTo(String.valueOf(half));

		MockHttpServletResponse second = tus.patch(id, half, Arrays.copyOfRange(bytes, half, bytes.length)).getResponse();
		assertThat(second.getHeader("Upload-Offset")).isEqualTo(String.valueOf(bytes.length));
		assertThat(tus.head(id).getResponse().getHeader("Upload-Offset")).isEqualTo(String.valueOf(bytes.length));

		assertThat(jdbc.sql("select completed_at is not null from media.upload where id = ?").param(id).query(Boolean.class).single()).isTrue();
		assertThat(partBlobs(id)).hasSize(2);
		assertThat(sha256(stored(id))).isEqualTo(sha256(bytes));
		byte[] sealedName = jdbc.sql("select sealed_name from media.upload where id = ?").param(id).query(byte[].class).single();
		assertThat(new String(sealedName, StandardCharsets.UTF_8)).doesNotContain("نامه");
	}

	@Test
	void aPatchCutOffHalfWayKeepsWhatArrivedAndResumesToTheExactBytes() throws Exception {
		byte[] bytes = randomBytes(5 * 1024 * 1024 + 123);
		UUID id = tus.newUpload(bytes.length, "video.mp4");
		int sent = 2 * 1024 * 1024 + 4321;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("PATCH /api/v1/portal/uploads/" + id + " HTTP/1.1\r\nHost: localhost\r\nTus-Resumable: 1.0.0\r\n"
					+ "Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + bytes.length
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes, 0, sent);
			out.flush();
		}
		// the server keeps the bytes that arrived; the client learns the offset with HEAD
		await().atMost(Duration.ofSeconds(60))
			.until(() -> String.valueOf(sent).equals(tus.head(id).getResponse().getHeader("Upload-Offset")));

		MockHttpServletResponse resumed = tus.patch(id, sent, Arrays.copyOfRange(bytes, sent, bytes.length)).getResponse();
		assertThat(resumed.getStatus()).isEqualTo(204);
		assertThat(resumed.getHeader("Upload-Offset")).isEqualTo(String.valueOf(bytes.length));
		assertThat(partBlobs(id)).hasSize(2);
		assertThat(sha256(stored(id))).isEqualTo(sha256(bytes));
	}

	@Test
	void refusesAWrongProtocolVersion() throws Exception {
		assertThat(mvc.perform(post(TusClient.ENDPOINT).header("Tus-Resumable", "0.2.2").header("Upload-Length", 10))
			.andReturn().getResponse().getStatus()).isEqualTo(412);
		assertThat(mvc.perform(post(TusClient.ENDPOINT).header("Upload-Length", 10)).andReturn().getResponse().getStatus())
			.isEqualTo(412);
	}

	@Test
	void refusesAPatchAtTheWrongOffsetAndKeepsNothingOfIt() throws Exception {
		UUID id = tus.newUpload(100, "a.png");
		assertThat(tus.patch(id, 10, randomBytes(20)).getResponse().getStatus()).isEqualTo(409);
		assertThat(tus.patch(id, -1, randomBytes(20)).getResponse().getStatus()).isEqualTo(409);
		assertThat(tus.head(id).getResponse().getHeader("Upload-Offset")).isEqualTo("0");
		assertThat(partBlobs(id)).isEmpty();
	}

	@Test
	void refusesBytesBeyondTheDeclaredLength() throws Exception {
		UUID id = tus.newUpload(10, "a.png");
		assertThat(tus.patch(id, 0, randomBytes(11)).getResponse().getStatus()).isEqualTo(400);
		assertThat(tus.head(id).getResponse().getHeader("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void refusesAnUploadLongerThanTheLimit() throws Exception {
		assertThat(tus.create(16L * 1024 * 1024 + 1, "big.mp4").getResponse().getStatus()).isEqualTo(413);
		assertThat(tus.create(-5, "neg.mp4").getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(post(TusClient.ENDPOINT).header("Tus-Resumable", "1.0.0").header("Upload-Length", "lots"))
			.andReturn().getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void answersUnknownAndMalformedUploadIdsWith404() throws Exception {
		UUID unknown = UUID.randomUUID();
		assertThat(tus.head(unknown).getResponse().getStatus()).isEqualTo(404);
		assertThat(tus.patch(unknown, 0, randomBytes(5)).getResponse().getStatus()).isEqualTo(404);
		assertThat(tus.terminate(unknown).getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.head(TusClient.ENDPOINT + "/../../etc/passwd").header("Tus-Resumable", "1.0.0")).andReturn().getResponse().getStatus())
			.isIn(400, 404);
		assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.head(TusClient.ENDPOINT + "/not-an-id").header("Tus-Resumable", "1.0.0")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void refusesAPatchWithoutTheTusContentType() throws Exception {
		UUID id = tus.newUpload(10, "a.png");
		int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.patch(TusClient.ENDPOINT + "/" + id)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", 0)
			.header("Content-Type", "application/octet-stream")
			.content(randomBytes(10))).andReturn().getResponse().getStatus();
		// tus-java-server answers 406 Not Acceptable here
		assertThat(status).isIn(406, 415);
	}

	@Test
	void tellsItsVersionExtensionsAndLimit() throws Exception {
		MockHttpServletResponse response = mvc.perform(options(TusClient.ENDPOINT)).andReturn().getResponse();
		assertThat(response.getStatus()).isIn(200, 204);
		assertThat(response.getHeader("Tus-Version")).contains("1.0.0");
		assertThat(response.getHeader("Tus-Extension")).contains("creation", "termination", "expiration")
			.doesNotContain("concatenation", "checksum");
		assertThat(response.getHeader("Tus-Max-Size")).isEqualTo(String.valueOf(16L * 1024 * 1024));
	}

	@Test
	void aBusyUploadAnswers423AndTheLeaseEndsByItself() throws Exception {
		UUID id = tus.newUpload(10, "a.png");
		jdbc.sql("update media.upload set lock_owner = 'other-node', locked_until = now() + interval '1 minute' where id = ?")
			.param(id)
			.update();
		assertThat(tus.patch(id, 0, randomBytes(10)).getResponse().getStatus()).isEqualTo(423);
		jdbc.sql("update media.upload set locked_until = now() - interval '1 second' where id = ?").param(id).update();
		assertThat(tus.patch(id, 0, randomBytes(10)).getResponse().getStatus()).isEqualTo(204);
		assertThat(jdbc.sql("select lock_owner from media.upload where id = ?").param(id).query(String.class).optional()).isEmpty();
	}

	@Test
	void terminationRemovesTheUploadItsPartsAndItsKey() throws Exception {
		UUID id = tus.newUpload(100, "a.png");
		tus.patch(id, 0, randomBytes(40));
		List<UUID> parts = partBlobs(id);
		assertThat(tus.terminate(id).getResponse().getStatus()).isEqualTo(204);
		assertThat(tus.head(id).getResponse().getStatus()).isEqualTo(404);
		assertGone(id, parts);
	}

	@Test
	void anUploadThatStopsHalfWayAndNeverResumesIsRemovedWhenItExpires() throws Exception {
		UUID id = tus.newUpload(1000, "half.mp4");
		tus.patch(id, 0, randomBytes(400));
		List<UUID> parts = partBlobs(id);
		assertThat(parts).hasSize(1);
		UUID keyId = jdbc.sql("select key_id from media.upload where id = ?").param(id).query(UUID.class).single();
		UUID finished = tus.upload(randomBytes(10), "done.png");

		jdbc.sql("update media.upload set expires_at = now() - interval '1 minute' where id in (?, ?)").params(id, finished).update();
		assertThat(tus.head(id).getResponse().getStatus()).isEqualTo(404);
		expiredUploads.removeExpired();

		assertGone(id, parts);
		assertGone(finished, List.of());
		assertThat(jdbc.sql("select count(*) from storage.blob where key_id = ?").param(keyId).query(Long.class).single()).isZero();
	}

	private void assertGone(UUID id, List<UUID> parts) {
		assertThat(jdbc.sql("select count(*) from media.upload where id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from media.upload_part where upload_id = ?").param(id).query(Long.class).single()).isZero();
		for (UUID blob : parts) {
			assertThat(jdbc.sql("select count(*) from storage.blob where id = ?").param(blob).query(Long.class).single()).isZero();
		}
	}

}
