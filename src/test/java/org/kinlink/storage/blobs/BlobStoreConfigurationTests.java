package org.kinlink.storage.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** kinlink.storage.* picks and checks the blob store at start-up. */
class BlobStoreConfigurationTests {

	@TempDir
	static Path folder;

	static StoreFixture s3;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(context -> context.getBeanFactory()
			.setConversionService(ApplicationConversionService.getSharedInstance()))
		.withUserConfiguration(BlobStoreConfiguration.class)
		.withPropertyValues("kinlink.storage.sweep.enabled=false", "kinlink.data-dir=" + folder);

	@BeforeAll
	static void startS3() throws Exception {
		s3 = StoreFixture.start(StoreFixture.Kind.S3, folder.resolve("s3"));
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	@Test
	void theLocalFolderUnderTheDataDirectoryIsTheDefault() {
		runner.run(context -> assertThat(context).hasSingleBean(BlobStore.class)
			.getBean(BlobStore.class)
			.isInstanceOf(LocalFolderBlobStore.class));
	}

	@Test
	void s3IsChosenAndConfiguredByProperties() {
		runner.withPropertyValues(s3Properties("kinlink.storage.s3.bucket=" + StoreFixture.BUCKET,
				"kinlink.storage.s3.prefix=kinlink/")).run(context -> {
					BlobStore store = context.getBean(BlobStore.class);
					assertThat(store).isInstanceOf(S3BlobStore.class);
					String name = "ab/ab" + UUID.randomUUID().toString().substring(2);
					try (BlobStore.PendingObject object = store.create(name)) {
						object.stream().write("ciphertext".getBytes(StandardCharsets.UTF_8));
						object.publish();
					}
					try (InputStream in = store.read(name)) {
						assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("ciphertext");
					}
					assertThat(s3.s3.headObject(b -> b.bucket(StoreFixture.BUCKET).key("kinlink/" + name))
						.contentLength()).isEqualTo(10);
				});
	}

	@Test
	void s3WithoutABucketRefusesToStart() {
		runner.withPropertyValues(s3Properties()).run(context -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("needs a bucket"));
	}

	@Test
	void s3WithAMissingBucketRefusesToStart() {
		runner.withPropertyValues(s3Properties("kinlink.storage.s3.bucket=no-such-bucket"))
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("cannot be reached"));
	}

	@Test
	void s3WithWrongKeysRefusesToStart() {
		runner
			.withPropertyValues(s3Properties("kinlink.storage.s3.bucket=" + StoreFixture.BUCKET,
					"kinlink.storage.s3.secret-key=wrong"))
			.run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("cannot be reached"));
	}

	@Test
	void s3PartsSmallerThanFiveMegabytesAreRefused() {
		runner
			.withPropertyValues(s3Properties("kinlink.storage.s3.bucket=" + StoreFixture.BUCKET,
					"kinlink.storage.s3.part-size=1MB"))
			.run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("part-size"));
	}

	private static String[] s3Properties(String... more) {
		String[] base = { "kinlink.storage.blobs=s3", "kinlink.storage.s3.endpoint=" + s3.endpoint,
				"kinlink.storage.s3.access-key=" + StoreFixture.ACCESS_KEY,
				"kinlink.storage.s3.secret-key=" + StoreFixture.SECRET_KEY, "kinlink.storage.s3.path-style=true" };
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
