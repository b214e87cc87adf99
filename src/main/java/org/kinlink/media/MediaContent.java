package org.kinlink.media;

import java.nio.channels.SeekableByteChannel;
import java.util.function.Supplier;

/**
 * The decrypted bytes of a rendition, opened on demand for random access, with what an HTTP response needs.
 */
public record MediaContent(String contentType, long size, String sha256, Supplier<SeekableByteChannel> channel) {
}
