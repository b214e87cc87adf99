package org.kinlink.media.processing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.kinlink.media.Rendition;
import org.kinlink.media.files.FileRecords;
import org.kinlink.media.files.FileRecords.FileRow;
import org.kinlink.storage.BlobWriter;
import org.kinlink.storage.Blobs;
import org.kinlink.storage.StoredBlob;

import org.springframework.stereotype.Component;

/**
 * DOCUMENT: renders a PDF's pages (at most kinlink.media.limits.max-pages) to PNG renditions PAGE 1..n in a
 * separate, memory- and time-limited JVM; the PDF itself is never shown. Then a thumbnail of page 1, then OCR.
 */
@Component
class DocumentStep implements ProcessingStep {

	private final FileRecords files;

	private final Blobs blobs;

	private final Outputs outputs;

	private final MediaLimits limits;

	DocumentStep(FileRecords files, Blobs blobs, Outputs outputs, MediaLimits limits) {
		this.files = files;
		this.blobs = blobs;
		this.outputs = outputs;
		this.limits = limits;
	}

	@Override
	public String name() {
		return Steps.DOCUMENT;
	}

	@Override
	public StepOutcome run(Job job) throws Exception {
		FileRow file = files.row(job.fileId());
		List<StoredBlob> pages = new ArrayList<>();
		PdfRenderer.Rendered rendered;
		try (InputStream pdf = blobs.open(file.originalBlobId())) {
			rendered = PdfRenderer.render(pdf, limits.maxPages, limits.pdfMemoryMb, limits.pdfTimeLimit, (number, png) -> {
				try (BlobWriter writer = blobs.create(file.keyId(), "media.rendition")) {
					writer.write(png);
					StoredBlob blob = writer.commit();
					outputs.save(file.id(), Rendition.page(number), blob, "image/png");
					pages.add(blob);
				}
			});
		}
		if (rendered.problemKey() != null) {
			throw new FileRefusedException(rendered.problemKey());
		}
		files.facts(file.id(), null, null, null, pages.size());
		ImageStep.thumbnail(outputs, file, pages.get(0).id(), "png_pipe");
		return StepOutcome.then(Steps.OCR);
	}

}
