package org.kinlink.media.processing;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a file may be before it is refused, and how long and how large the subprocesses that read it may
 * grow (kinlink.media.limits.*).
 */
@Component
class MediaLimits {

	final long maxPixels;

	final Duration maxDuration;

	final int maxPages;

	final int pdfMemoryMb;

	final Duration pdfTimeLimit;

	MediaLimits(@Value("${kinlink.media.limits.max-pixels:40000000}") long maxPixels,
			@Value("${kinlink.media.limits.max-duration:PT3H}") Duration maxDuration,
			@Value("${kinlink.media.limits.max-pages:50}") int maxPages,
			@Value("${kinlink.media.limits.pdf-memory-mb:384}") int pdfMemoryMb,
			@Value("${kinlink.media.limits.pdf-time-limit:PT10M}") Duration pdfTimeLimit) {
		this.maxPixels = maxPixels;
		this.maxDuration = maxDuration;
		this.maxPages = maxPages;
		this.pdfMemoryMb = pdfMemoryMb;
		this.pdfTimeLimit = pdfTimeLimit;
	}

	/** Time for ffmpeg to transcode a file of this duration: a fixed part plus a multiple of real time. */
	Duration transcodeTime(Long durationMs, double perSecondOfMedia) {
		long seconds = durationMs == null ? maxDuration.toSeconds() : durationMs / 1000;
		return Duration.ofMinutes(5).plusSeconds((long) (seconds * perSecondOfMedia));
	}

}
