package org.kinlink.media;

import java.util.UUID;

/** A subtitled copy of a video in {@code language} is ready as rendition SUBTITLED. */
public record SubtitledCopyReady(UUID fileId, UUID messageId, String language) {
}
