package org.kinlink.media.transcripts;

import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Transcript;
import org.kinlink.media.Transcripts;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Transcripts}: a file's transcript for other modules, each opening audited as "transcript.read". */
@Service
class TranscriptCatalog implements Transcripts {

	private final TranscriptStore store;

	private final MediaFiles files;

	private final AuditTrail audit;

	TranscriptCatalog(TranscriptStore store, MediaFiles files, AuditTrail audit) {
		this.store = store;
		this.files = files;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Transcript transcript(UUID fileId) {
		TranscriptRecord record = store.find(fileId).orElseThrow(RecordNotFoundException::new);
		MediaFile file = files.file(fileId);
		audit.record(AuditEvent.success("transcript.read", "media-file", fileId));
		return new Transcript(fileId, file.messageId(), file.kind(), record.language(), record.approved(),
				record.segments().stream().map(StoredSegment::toApi).toList());
	}

}
