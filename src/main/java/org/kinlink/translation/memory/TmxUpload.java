package org.kinlink.translation.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads the import form (multipart/form-data; Spring's multipart support is off) as a stream: the language
 * fields and the TMX file, which goes straight into the parser with a size limit, never to a temporary file.
 * A refused request is read to its end so the browser gets the answer rather than a reset connection.
 */
final class TmxUpload {

	static final String FILE_FIELD = "file";

	private static final int MAX_FIELDS = 10;

	private static final int MAX_FIELD_BYTES = 1024;

	private TmxUpload() {
	}

	/** The form's fields and the document read from its file. */
	record Form(Map<String, String> fields, TmxReader.TmxDocument document) {
	}

	static Form read(HttpServletRequest request, long maxBytes) throws TmxProblem {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			drain(request);
			throw new TmxProblem("memory.import.noFile");
		}
		Map<String, String> fields = new HashMap<>();
		TmxReader.TmxDocument document = null;
		try {
			JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
			FileItemInputIterator items = upload.getItemIterator(request);
			int count = 0;
			while (items.hasNext()) {
				FileItemInput item = items.next();
				if (++count > MAX_FIELDS) {
					throw new TmxProblem("memory.import.badForm");
				}
				if (item.isFormField()) {
					try (InputStream in = item.getInputStream()) {
						fields.put(item.getFieldName(), new String(in.readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8));
						in.transferTo(OutputStream.nullOutputStream());
					}
				}
				else if (FILE_FIELD.equals(item.getFieldName()) && document == null && item.getName() != null
						&& !item.getName().isBlank()) {
					try (InputStream in = item.getInputStream()) {
						document = TmxReader.read(in, maxBytes);
						in.transferTo(OutputStream.nullOutputStream());
					}
				}
				else {
					try (InputStream in = item.getInputStream()) {
						in.transferTo(OutputStream.nullOutputStream());
					}
				}
			}
		}
		catch (TmxProblem problem) {
			drain(request);
			throw problem;
		}
		catch (IOException | RuntimeException ex) {
			drain(request);
			throw new TmxProblem("memory.import.badForm");
		}
		if (document == null) {
			throw new TmxProblem("memory.import.noFile");
		}
		return new Form(fields, document);
	}

	private static void drain(HttpServletRequest request) {
		try {
			request.getInputStream().transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException | IllegalStateException ex) {
			// the client has gone; nobody is left to answer
		}
	}

}
