package org.kinlink.translation.glossary;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads the glossary file of an import form (multipart/form-data, field "file") into memory, at most
 * {@link GlossaryFiles#MAX_BYTES}: Spring's multipart support is off in Kinlink (uploads are streamed), and a
 * glossary is small enough to be checked whole before anything is stored.
 */
final class GlossaryUpload {

	static final String FIELD = "file";

	private GlossaryUpload() {
	}

	/** The file's bytes, or the message code of why there are none. */
	record Read(byte[] bytes, String problem) {
	}

	static Read read(HttpServletRequest request) {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			return new Read(null, "glossary.import.noFile");
		}
		try {
			var upload = new JakartaServletFileUpload<>();
			upload.setMaxSize(GlossaryFiles.MAX_BYTES + 64L * 1024);
			FileItemInputIterator items = upload.getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				if (!item.isFormField() && FIELD.equals(item.getFieldName()) && item.getName() != null
						&& !item.getName().isBlank()) {
					return bounded(item.getInputStream());
				}
				item.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
			}
			return new Read(null, "glossary.import.noFile");
		}
		catch (org.apache.commons.fileupload2.core.FileUploadSizeException ex) {
			return new Read(null, "glossary.import.tooLarge");
		}
		catch (IOException | RuntimeException ex) {
			return new Read(null, "glossary.import.noFile");
		}
	}

	private static Read bounded(InputStream in) throws IOException {
		byte[] bytes = in.readNBytes(GlossaryFiles.MAX_BYTES + 1);
		if (bytes.length > GlossaryFiles.MAX_BYTES) {
			return new Read(null, "glossary.import.tooLarge");
		}
		return new Read(bytes, null);
	}

}
