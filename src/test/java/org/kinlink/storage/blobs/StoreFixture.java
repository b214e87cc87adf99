package org.kinlink.storage.blobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/**
 * A blob store for tests: a local folder, or S3Proxy started in this JVM on a free loopback port. S3Proxy keeps
 * its bucket in a temporary folder (its filesystem backend) rather than in memory, so tests can scan every byte
 * the store holds and a large blob does not fill the heap of the test JVM.
 */
final class StoreFixture implements AutoCloseable {

	static final String BUCKET = "kinlink-test";

	static final String ACCESS_KEY = "test-access";

	static final String SECRET_KEY = "test-secret-not-real";

	/** Which store a parameterized test runs against. */
	enum Kind {
		LOCAL, S3
	}

	final Kind kind;

	final BlobStore store;

	/** Every byte the store holds lives under this folder. */
	final Path root;

	final S3Client s3;

	final URI endpoint;

	private final S3Proxy proxy;

	/** GetObject calls made through {@link #s3}. */
	final AtomicInteger gets;

	private StoreFixture(Kind kind, BlobStore store, Path root, S3Client s3, URI endpoint, S3Proxy proxy,
			AtomicInteger gets) {
		this.gets = gets;
		this.kind = kind;
		this.store = store;
		this.root = root;
		this.s3 = s3;
		this.endpoint = endpoint;
		this.proxy = proxy;
	}

	static StoreFixture start(Kind kind, Path folder) throws Exception {
		return switch (kind) {
			case LOCAL -> new StoreFixture(kind, new LocalFolderBlobStore(folder), folder, null, null, null,
					new AtomicInteger());
			case S3 -> s3(folder, S3BlobStore.MIN_PART_SIZE);
		};
	}

	static StoreFixture s3(Path folder, int partSize) throws Exception {
		Files.createDirectories(folder);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(new FilesystemNio2BlobStore(folder.toString()))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.endpoint(URI.create("http://127.0.0.1:0"))
			.build();
		proxy.start();
		URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
		AtomicInteger gets = new AtomicInteger();
		S3Client s3 = S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
				@Override
				public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
					if (context.request() instanceof GetObjectRequest) {
						gets.incrementAndGet();
					}
				}
			}))
			.build();
		s3.createBucket(b -> b.bucket(BUCKET));
		return new StoreFixture(Kind.S3, new S3BlobStore(s3, BUCKET, "", partSize), folder, s3, endpoint, proxy, gets);
	}

	/** Every regular file under the store's folder. */
	List<Path> files() {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Names of unfinished writes: {@code .partial} files, or open multipart uploads. */
	List<String> pending() {
		if (kind == Kind.LOCAL) {
			return files().stream().map(Path::toString).filter(name -> name.endsWith(".partial")).toList();
		}
		return s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().stream().map(u -> u.key()).toList();
	}

	List<String> objectNames() throws IOException {
		try (Stream<BlobStore.StoredObject> objects = store.list()) {
			return objects.map(BlobStore.StoredObject::name).toList();
		}
	}

	/** Replaces one byte of the stored ciphertext with its bitwise complement. */
	void flipByte(String name, long offset) throws IOException {
		if (kind == Kind.LOCAL) {
			try (var file = new java.io.RandomAccessFile(root.resolve(name).toFile(), "rw")) {
				file.seek(offset);
				int b = file.read();
				file.seek(offset);
				file.write(~b);
			}
		}
		else {
			byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(name)).asByteArray();
			bytes[(int) offset] = (byte) ~bytes[(int) offset];
			s3.putObject(b -> b.bucket(BUCKET).key(name), RequestBody.fromBytes(bytes));
		}
	}

	@Override
	public void close() throws Exception {
		if (s3 != null) {
			s3.close();
		}
		if (proxy != null) {
			proxy.stop();
		}
	}

}
