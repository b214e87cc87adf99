package org.kinlink.storage.blobs;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the blob store: {@code kinlink.storage.blobs=local} (default, a folder under the data directory) or
 * {@code s3} (any S3-compatible store, see {@code kinlink.storage.s3.*}).
 */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

	@Bean
	@ConditionalOnProperty(name = "kinlink.storage.blobs", havingValue = "local", matchIfMissing = true)
	BlobStore localFolderBlobStore(@Value("${kinlink.storage.local-folder:${kinlink.data-dir}/blobs}") Path folder) {
		return new LocalFolderBlobStore(folder);
	}

}
