package org.kinlink.storage.blobs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Chooses the blob store: {@code kinlink.storage.blobs=local} (default, a folder under the data directory) or
 * {@code s3} (any S3-compatible store, see {@code kinlink.storage.s3.*}), and schedules the orphan sweep.
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

	@Bean
	@ConditionalOnProperty(name = "kinlink.storage.blobs", havingValue = "local", matchIfMissing = true)
	BlobStore localFolderBlobStore(@Value("${kinlink.storage.local-folder:${kinlink.data-dir}/blobs}") Path folder) {
		return new LocalFolderBlobStore(folder);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "kinlink.storage.blobs", havingValue = "s3")
	S3BlobStore s3BlobStore(@Value("${kinlink.storage.s3.endpoint:}") String endpoint,
			@Value("${kinlink.storage.s3.region:us-east-1}") String region,
			@Value("${kinlink.storage.s3.bucket:}") String bucket,
			@Value("${kinlink.storage.s3.access-key:}") String accessKey,
			@Value("${kinlink.storage.s3.secret-key:}") String secretKey,
			@Value("${kinlink.storage.s3.path-style:false}") boolean pathStyle,
			@Value("${kinlink.storage.s3.prefix:}") String prefix,
			@Value("${kinlink.storage.s3.part-size:8MB}") DataSize partSize) {
		if (bucket.isBlank()) {
			throw new IllegalStateException("kinlink.storage.blobs=s3 needs a bucket (KINLINK_S3_BUCKET)");
		}
		if (partSize.toBytes() < S3BlobStore.MIN_PART_SIZE || partSize.toMegabytes() > 512) {
			throw new IllegalStateException("kinlink.storage.s3.part-size must be between 5MB and 512MB");
		}
		if (!prefix.isEmpty() && !prefix.endsWith("/")) {
			throw new IllegalStateException("kinlink.storage.s3.prefix must end with a slash");
		}
		S3Client client = s3Client(endpoint, region, accessKey, secretKey, pathStyle);
		try {
			client.headBucket(b -> b.bucket(bucket));
		}
		catch (SdkException ex) {
			client.close();
			throw new IllegalStateException("The blob bucket " + bucket + " cannot be reached: " + ex.getMessage(), ex);
		}
		return new S3BlobStore(client, bucket, prefix, (int) partSize.toBytes());
	}

	@Bean
	@ConditionalOnProperty(name = "kinlink.storage.sweep.enabled", havingValue = "true", matchIfMissing = true)
	OrphanSweep orphanSweep(JdbcClient jdbc, BlobStore store, Clock clock,
			@Value("${kinlink.storage.sweep.grace:1h}") Duration grace) {
		return new OrphanSweep(jdbc, store, clock, grace);
	}

	/**
	 * A client for AWS (no endpoint) or any S3-compatible store. Keys left empty fall back to the SDK's default
	 * chain (environment, profile, instance role). Checksums are sent only where S3 requires them: many
	 * compatible stores reject the newer trailing checksums, and the AEAD already detects any altered byte.
	 */
	static S3Client s3Client(String endpoint, String region, String accessKey, String secretKey, boolean pathStyle) {
		AwsCredentialsProvider credentials = accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
				: StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(region))
			.credentialsProvider(credentials)
			.forcePathStyle(pathStyle)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (!endpoint.isBlank()) {
			builder.endpointOverride(URI.create(endpoint));
		}
		return builder.build();
	}

}
