package org.kinlink.media.uploads;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The limits of uploads: the size of a resumable (tus) upload and of a plain form upload, how long an
 * unfinished upload waits for its next byte before it is removed, and how long a node may hold an upload's
 * lease between two signs of life.
 */
@Component
class UploadSettings {

	private final long maxSize;

	private final long plainMaxSize;

	private final Duration expiry;

	private final Duration lease;

	UploadSettings(@Value("${kinlink.uploads.max-size:2GB}") DataSize maxSize,
			@Value("${kinlink.uploads.plain-max-size:100MB}") DataSize plainMaxSize,
			@Value("${kinlink.uploads.expiry:PT24H}") Duration expiry,
			@Value("${kinlink.uploads.lease:PT2M}") Duration lease) {
		this.maxSize = maxSize.toBytes();
		this.plainMaxSize = plainMaxSize.toBytes();
		this.expiry = expiry;
		this.lease = lease;
	}

	long maxSize() {
		return maxSize;
	}

	long plainMaxSize() {
		return plainMaxSize;
	}

	Duration expiry() {
		return expiry;
	}

	Duration lease() {
		return lease;
	}

}
