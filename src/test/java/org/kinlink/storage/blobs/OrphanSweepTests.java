package org.kinlink.storage.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.StoredBlob;
import org.kinlink.storage.Vault;
import org.kinlink.storage.blobs.StoreFixture.Kind;
import software.amazon.awssdk.core.sync.RequestBody;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sweep removes leftovers of failed writes and blobs without a row, and nothing else. */
@SpringBootTest
class OrphanSweepTests {

	private static final Duration GRACE = Duration.ofHours(1);

	@TempDir
	static Path folder;

	static final Map<Kind, StoreFixture> fixtures = new EnumMap<>(Kind.class);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Vault vault;

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

	@Test
	void theScheduledSweepIsOffInTests(@Autowired ObjectProvider<OrphanSweep> sweep) {
		assertThat(sweep.getIfAvailable()).isNull();
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void removesStaleWritesAndObjectsLongWithoutARowButKeepsEverythingElse(Kind kind) throws Exception {
		StoreFixture fixture = fixtures.get(kind);
		BlobStore store = fixture.store;
		TinkBlobs blobs = new TinkBlobs(jdbc, vault, store);
		StoredBlob kept;
		try (BlobWriter writer = blobs.create(vault.newKey(), "test.file")) {
			writer.write(random(100_000));
			kept = writer.commit();
		}
		String orphan = publish(store);
		String committedLate = publish(store);
		String foreign = putForeignFile(fixture);
		BlobStore.PendingObject stale = store.create(newName());
		stale.stream().write(random(6 * 1024 * 1024)); // an S3 multipart upload with a part
		assertThat(fixture.pending()).hasSize(1);

		MovableClock clock = new MovableClock(Instant.now());
		OrphanSweep sweep = new OrphanSweep(jdbc, store, clock, GRACE);

		assertThat(sweep.sweep()).as("everything is young").isEqualTo(new OrphanSweep.Result(0, 0, 0));

		clock.advance(Duration.ofHours(2));
		assertThat(sweep.sweep()).as("old: the stale write goes; rowless objects become suspects")
			.isEqualTo(new OrphanSweep.Result(1, 0, 2));
		assertThat(fixture.pending()).isEmpty();
		insertRow(committedLate);

		clock.advance(Duration.ofMinutes(30));
		assertThat(sweep.sweep()).as("not yet a whole grace period without a row")
			.isEqualTo(new OrphanSweep.Result(0, 0, 1));

		clock.advance(Duration.ofMinutes(31));
		assertThat(sweep.sweep()).isEqualTo(new OrphanSweep.Result(0, 1, 0));
		assertThat(fixture.objectNames()).doesNotContain(orphan)
			.contains(committedLate, "%s/%s".formatted(kept.id().toString().substring(0, 2), kept.id()));
		assertThat(foreignFileExists(fixture, foreign)).as("names that are no blob's are left alone").isTrue();
		stale.close();
	}

	private String publish(BlobStore store) throws IOException {
		String name = newName();
		try (BlobStore.PendingObject object = store.create(name)) {
			object.stream().write(random(1000));
			object.publish();
		}
		return name;
	}

	private void insertRow(String objectName) {
		UUID id = UUID.fromString(objectName.substring(3));
		jdbc.sql("""
				insert into storage.blob (id, key_id, context, object_name, sealed_key, size, sha256)
				values (?, ?, 'test.file', ?, ?, 1000, 'x')""")
			.params(id, vault.newKey(), objectName, new byte[] { 1 })
			.update();
	}

	private static String putForeignFile(StoreFixture fixture) throws IOException {
		String name = "notes/readme.txt";
		if (fixture.kind == Kind.LOCAL) {
			Files.createDirectories(fixture.root.resolve("notes"));
			Files.writeString(fixture.root.resolve(name), "not a blob");
			Files.setLastModifiedTime(fixture.root.resolve(name),
					java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(1))));
		}
		else {
			fixture.s3.putObject(b -> b.bucket(StoreFixture.BUCKET).key(name), RequestBody.fromString("not a blob"));
		}
		return name;
	}

	private static boolean foreignFileExists(StoreFixture fixture, String name) {
		if (fixture.kind == Kind.LOCAL) {
			return Files.exists(fixture.root.resolve(name));
		}
		return fixture.s3.listObjectsV2(b -> b.bucket(StoreFixture.BUCKET).prefix(name)).keyCount() == 1;
	}

	private static String newName() {
		UUID id = UUID.randomUUID();
		return id.toString().substring(0, 2) + "/" + id;
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	/** A clock the test moves forward. */
	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
