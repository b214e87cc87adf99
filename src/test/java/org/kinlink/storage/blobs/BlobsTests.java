package org.kinlink.storage.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.SealBrokenException;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;
import org.kinlink.storage.blobs.StoreFixture.Kind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** S5, S6 and S7 for files, against the local folder and an S3-compatible store alike. */
@SpringBootTest
class BlobsTests {

	private static final String CANARY = "canary-\u0632\u0647\u0631\u0627-" + UUID.randomUUID();

	private static final int MB = 1024 * 1024;

	@TempDir
	static Path folder;

	static final Map<Kind, StoreFixture> fixtures = new EnumMap<>(Kind.class);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Vault vault;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeAll
	static void startStores() throws Exception {
		for (Kind kind : Kind.values()) {
			fixtures.put(kind, StoreFixture.start(kind, folder.resolve(kind.name().toLowerCase())));
		}
	}

	@AfterAll
	static void stopStores() throws Exception {
		for (StoreFixture fixture : fixtures.values()) {
			fixture.close();
		}
		fixtures.clear();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void severalMegabytesComeBackAsWrittenWithSizeAndDigest(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		byte[] data = random(3 * MB + 12345, 1);
		StoredBlob stored = write(blobs, vault.newKey(), data);

		assertThat(stored.size()).isEqualTo(data.length);
		assertThat(stored.sha256()).isEqualTo(sha256(data));
		assertThat(blobs.info(stored.id())).isEqualTo(stored);
		try (InputStream in = blobs.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
		try (InputStream in = blobs.open(stored.id())) {
			assertThat(in.read()).isEqualTo(data[0] & 0xff);
		}
		assertThat(fixtures.get(kind).objectNames()).contains(objectName(stored.id()));
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void seekableReadsMatchThePlaintextAtAnyPositionAcrossSegments(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		byte[] data = random(3 * MB + 777, 2);
		StoredBlob stored = write(blobs, vault.newKey(), data);
		long[] positions = { 0, 1, MB - 1500, 2 * MB - 1500, 3 * MB - 1500, 5000, MB + 17, 2 * MB + 70_000,
				data.length - 3000, data.length - 1, 123_456, 0 };

		try (SeekableByteChannel channel = blobs.openSeekable(stored.id())) {
			assertThat(channel.size()).isEqualTo(data.length);
			for (long position : positions) {
				channel.position(position);
				byte[] read = readFully(channel, 3000);
				int expected = (int) Math.min(3000, data.length - position);
				assertThat(read).as("at %d", position)
					.isEqualTo(Arrays.copyOfRange(data, (int) position, (int) position + expected));
			}
			channel.position(data.length);
			assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
		}
	}

	@Test
	void s3ReadsSequentiallyWithOneGetAndOpensAnotherOnlyOnAJump() throws Exception {
		StoreFixture fixture = fixtures.get(Kind.S3);
		TinkBlobs blobs = blobs(Kind.S3);
		byte[] data = random(4 * MB, 3);
		StoredBlob stored = write(blobs, vault.newKey(), data);

		fixture.gets.set(0);
		try (SeekableByteChannel channel = blobs.openSeekable(stored.id())) {
			byte[] all = readFully(channel, data.length);
			assertThat(all).isEqualTo(data);
			assertThat(fixture.gets).hasValue(1);
			channel.position(MB / 2);
			assertThat(readFully(channel, 100)).isEqualTo(Arrays.copyOfRange(data, MB / 2, MB / 2 + 100));
			assertThat(fixture.gets).hasValue(2);
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aFlippedCiphertextByteFailsWithSealBroken(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		byte[] data = random(3 * MB, 4);
		StoredBlob stored = write(blobs, vault.newKey(), data);
		fixtures.get(kind).flipByte(objectName(stored.id()), MB + MB / 2);

		assertThatThrownBy(() -> {
			try (InputStream in = blobs.open(stored.id())) {
				in.readAllBytes();
			}
		}).isInstanceOf(SealBrokenException.class);
		try (SeekableByteChannel channel = blobs.openSeekable(stored.id())) {
			assertThat(readFully(channel, 100)).as("an untouched segment still opens")
				.isEqualTo(Arrays.copyOf(data, 100));
			channel.position(MB + MB / 2);
			assertThatThrownBy(() -> readFully(channel, 100)).isInstanceOf(SealBrokenException.class);
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aFlippedHeaderByteFailsWithSealBroken(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		StoredBlob stored = write(blobs, vault.newKey(), random(100_000, 5));
		fixtures.get(kind).flipByte(objectName(stored.id()), 5);

		assertThatThrownBy(() -> {
			try (InputStream in = blobs.open(stored.id())) {
				in.readAllBytes();
			}
		}).isInstanceOf(SealBrokenException.class);
		assertThatThrownBy(() -> {
			try (SeekableByteChannel channel = blobs.openSeekable(stored.id())) {
				readFully(channel, 10);
			}
		}).isInstanceOf(SealBrokenException.class);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void shreddingTheRecordKeyMakesTheBlobUnreadable(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		UUID key = vault.newKey();
		StoredBlob stored = write(blobs, key, random(200_000, 6));
		vault.shred(key);

		assertThat(fixtures.get(kind).objectNames()).as("the ciphertext is still there")
			.contains(objectName(stored.id()));
		assertThatThrownBy(() -> blobs.open(stored.id())).isInstanceOf(SealBrokenException.class);
		assertThatThrownBy(() -> blobs.openSeekable(stored.id())).isInstanceOf(SealBrokenException.class);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void closingWithoutCommitLeavesNoObjectNoRowAndNoPartialWrite(Kind kind) throws Exception {
		StoreFixture fixture = fixtures.get(kind);
		TinkBlobs blobs = blobs(kind);
		UUID key = vault.newKey();
		List<Path> filesBefore = fixture.files();
		List<String> objectsBefore = fixture.objectNames();

		try (BlobWriter writer = blobs.create(key, "test.file")) {
			writer.write(random(7 * MB, 7)); // more than one S3 part: a multipart upload has begun
			assertThat(fixture.pending()).hasSize(1);
		}

		assertThat(fixture.pending()).isEmpty();
		assertThat(fixture.objectNames()).isEqualTo(objectsBefore);
		assertThat(fixture.files()).containsExactlyInAnyOrderElementsOf(filesBefore);
		assertThat(jdbc.sql("select count(*) from storage.blob where key_id = ?").param(key).query(Long.class).single())
			.isZero();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void deleteRemovesRowAndCiphertextAndIsIdempotent(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		StoredBlob stored = write(blobs, vault.newKey(), random(50_000, 8));

		blobs.delete(stored.id());
		blobs.delete(stored.id());
		blobs.delete(UUID.randomUUID());

		assertThat(fixtures.get(kind).objectNames()).doesNotContain(objectName(stored.id()));
		assertThatThrownBy(() -> blobs.info(stored.id())).isInstanceOf(NoSuchElementException.class);
		assertThatThrownBy(() -> blobs.open(stored.id())).isInstanceOf(NoSuchElementException.class);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aDeleteRolledBackWithItsTransactionKeepsTheBlobReadable(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		byte[] data = random(50_000, 9);
		StoredBlob stored = write(blobs, vault.newKey(), data);

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			blobs.delete(stored.id());
			status.setRollbackOnly();
		});

		try (InputStream in = blobs.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void aCanaryWrittenIntoABlobAppearsNowhereInTheStoreNorInTemporaryFiles(Kind kind) throws Exception {
		StoreFixture fixture = fixtures.get(kind);
		Instant start = Instant.now().minusSeconds(1);
		StringBuilder text = new StringBuilder();
		while (text.length() < 2 * MB) {
			text.append("\u0646\u0627\u0645\u0647 ").append(CANARY).append('\n');
		}
		StoredBlob stored = write(blobs(kind), vault.newKey(), text.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(stored.size()).isGreaterThan(2 * MB);
		List<byte[]> needles = needles(CANARY);
		assertThat(fixture.files()).isNotEmpty().allSatisfy(file -> assertThat(containsAny(file, needles))
			.as("%s holds the canary", file).isFalse());
		try (Stream<Path> temporary = Files.walk(Path.of(System.getProperty("java.io.tmpdir")), 3)) {
			List<Path> touched = temporary.filter(Files::isRegularFile)
				.filter(file -> modifiedSince(file, start))
				.toList();
			assertThat(touched).allSatisfy(file -> assertThat(containsAny(file, needles))
				.as("%s holds the canary", file).isFalse());
		}
	}

	/**
	 * 64 MB streamed through encryption with the heap's live set measured (after a full GC) every 16 MB: it
	 * stays far below the blob's size. (Larger runs take too long on a shared test machine: AES-GCM here runs at
	 * some 30 to 45 MB/s.)
	 */
	@ParameterizedTest
	@EnumSource(Kind.class)
	void aLargeBlobStreamsThroughWithABoundedHeap(Kind kind) throws Exception {
		TinkBlobs blobs = blobs(kind);
		long size = 64L * MB;
		byte[] chunk = random(MB, 10);
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		long baseline = liveHeap();
		long peak = 0;
		StoredBlob stored;
		try (BlobWriter writer = blobs.create(vault.newKey(), "test.large")) {
			for (int i = 0; i < size / MB; i++) {
				chunk[0] = (byte) i;
				chunk[1] = (byte) (i >> 8);
				writer.write(chunk);
				digest.update(chunk);
				if (i % 16 == 15) {
					peak = Math.max(peak, liveHeap() - baseline);
				}
			}
			stored = writer.commit();
		}

		assertThat(stored.size()).isEqualTo(size);
		assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
		assertThat(peak).as("heap held while writing 64 MB").isLessThan(24L * MB);
		System.out.printf("%s: at most %d KB more heap held while writing %d MB%n", kind, peak / 1024, size / MB);
		MessageDigest readBack = MessageDigest.getInstance("SHA-256");
		try (InputStream in = blobs.open(stored.id())) {
			byte[] buffer = new byte[256 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				readBack.update(buffer, 0, n);
			}
		}
		assertThat(HexFormat.of().formatHex(readBack.digest())).isEqualTo(stored.sha256());
		blobs.delete(stored.id());
	}

	private TinkBlobs blobs(Kind kind) {
		return new TinkBlobs(jdbc, vault, fixtures.get(kind).store);
	}

	private static StoredBlob write(TinkBlobs blobs, UUID key, byte[] data) throws IOException {
		try (BlobWriter writer = blobs.create(key, "test.file")) {
			for (int off = 0; off < data.length; off += 100_000) {
				writer.write(data, off, Math.min(100_000, data.length - off));
			}
			return writer.commit();
		}
	}

	private static byte[] readFully(SeekableByteChannel channel, int max) throws IOException {
		ByteBuffer buffer = ByteBuffer.allocate(max);
		while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
			// keep reading: a channel may return fewer bytes than asked
		}
		return Arrays.copyOf(buffer.array(), buffer.position());
	}

	private static String objectName(UUID id) {
		return id.toString().substring(0, 2) + "/" + id;
	}

	private static byte[] random(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** The canary as UTF-8, UTF-16 (both byte orders) and Base64 (at each of the three alignments). */
	private static List<byte[]> needles(String canary) {
		byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
		List<byte[]> needles = new java.util.ArrayList<>(List.of(utf8, canary.getBytes(StandardCharsets.UTF_16LE),
				canary.getBytes(StandardCharsets.UTF_16BE)));
		for (int shift = 0; shift < 3; shift++) {
			byte[] shifted = new byte[utf8.length + shift];
			System.arraycopy(utf8, 0, shifted, shift, utf8.length);
			String base64 = Base64.getEncoder().withoutPadding().encodeToString(shifted);
			int skip = shift == 0 ? 0 : 4; // the first quartet mixes in the unknown bytes before the canary
			needles.add(base64.substring(skip, base64.length() - 4).getBytes(StandardCharsets.US_ASCII));
		}
		return needles;
	}

	private static boolean containsAny(Path file, List<byte[]> needles) {
		try {
			if (Files.size(file) > 64L * MB) {
				return false;
			}
			String haystack = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
			return needles.stream().anyMatch(n -> haystack.contains(new String(n, StandardCharsets.ISO_8859_1)));
		}
		catch (IOException ex) {
			return false; // gone in the meantime or not ours to read
		}
	}

	private static boolean modifiedSince(Path file, Instant start) {
		try {
			return Files.getLastModifiedTime(file).toInstant().isAfter(start);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
