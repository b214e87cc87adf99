package org.kinlink.media.processing;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ASSEMBLE: joins the parts of the file's upload, in order, into one encrypted original (with its SHA-256),
 * then removes the parts. Run again, it finds the original made and only finishes removing the parts.
 */
@Component
class AssembleStep implements ProcessingStep {

	private final FileRecords files;

	private final Blobs blobs;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	AssembleStep(FileRecords files, Blobs blobs, JdbcClient jdbc, TransactionTemplate transaction) {
		this.files = files;
		this.blobs = blobs;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public String name() {
		return Steps.ASSEMBLE;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		List<Part> parts = jdbc.sql("select seq, blob_id, length from media.upload_part where upload_id = ? order by seq")
			.param(file.uploadId())
			.query((rs, n) -> new Part(rs.getInt("seq"), rs.getObject("blob_id", UUID.class), rs.getLong("length")))
			.list();
		if (file.originalBlobId() == null) {
			if (parts.stream().mapToLong(Part::length).sum() == 0) {
				removeParts(file.uploadId(), parts);
				throw new FileRefusedException("media.problem.empty");
			}
			try (BlobWriter original = blobs.create(file.keyId(), "media.original")) {
				for (Part part : parts) {
					try (InputStream in = blobs.open(part.blobId())) {
						in.transferTo(original);
					}
				}
				transaction.executeWithoutResult(status -> {
					StoredBlob blob = original.commit();
					files.original(file.id(), blob.id(), blob.size(), blob.sha256());
				});
			}
		}
		removeParts(file.uploadId(), parts);
		return StepOutcome.then(Steps.SNIFF);
	}

	private void removeParts(UUID uploadId, List<Part> parts) {
		for (Part part : parts) {
			blobs.delete(part.blobId());
			jdbc.sql("delete from media.upload_part where upload_id = ? and seq = ?").params(uploadId, part.seq()).update();
		}
	}

	private record Part(int seq, UUID blobId, long length) {
	}

}
