package org.kinlink.portal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.kinlink.media.UploadReceiver;
import org.kinlink.media.UploadTooLargeException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the letter form as a browser without JavaScript sends it (multipart/form-data, text fields first,
 * then the files) as a stream: each file goes straight through encryption into an upload (UploadReceiver),
 * so nothing is written to a temporary file. A file past the plain-form limit, or one file too many, stops
 * the reading; what came before it is kept.
 */
@Component
class MultipartLetter {

	static final String FILE_FIELD = "files";

	private static final int MAX_FIELD_BYTES = 256 * 1024;

	private static final int MAX_FIELDS = 100;

	private final UploadReceiver receiver;

	private final int maxFiles;

	MultipartLetter(UploadReceiver receiver, @Value("${kinlink.uploads.max-files:10}") int maxFiles) {
		this.receiver = receiver;
		this.maxFiles = maxFiles;
	}

	/** What the form brought; {@code problem} names the message key of why reading stopped early, or is null. */
	record Parsed(Map<String, List<String>> fields, List<UUID> stored, String problem) {
	}

	Parsed read(HttpServletRequest request) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		List<UUID> stored = new ArrayList<>();
		String problem = null;
		try {
			FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
			int count = 0;
			while (problem == null && items.hasNext()) {
				FileItemInput item = items.next();
				if (++count > MAX_FIELDS) {
					problem = "portal.letter.files.badForm";
				}
				else if (item.isFormField()) {
					fields.computeIfAbsent(item.getFieldName(), k -> new ArrayList<>()).add(text(item));
				}
				else if (FILE_FIELD.equals(item.getFieldName()) && item.getName() != null && !item.getName().isBlank()) {
					problem = store(item, fields, stored);
				}
				else {
					drain(item.getInputStream());
				}
			}
		}
		catch (IOException ex) {
			problem = "portal.letter.files.badForm";
		}
		if (problem != null) {
			drainRest(request);
		}
		return new Parsed(fields, stored, problem);
	}

	private String store(FileItemInput item, Map<String, List<String>> fields, List<UUID> stored) throws IOException {
		int named = fields.getOrDefault("uploadIds", List.of()).size();
		if (named + stored.size() >= maxFiles) {
			return "portal.letter.files.tooMany";
		}
		try (InputStream in = item.getInputStream()) {
			stored.add(receiver.receive(in, item.getName()));
			return null;
		}
		catch (UploadTooLargeException ex) {
			return "portal.letter.files.tooLarge";
		}
		catch (java.io.UncheckedIOException ex) {
			return "portal.letter.files.badForm";
		}
	}

	private static String text(FileItemInput item) throws IOException {
		try (InputStream in = item.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_FIELD_BYTES);
			drain(in);
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	private static void drain(InputStream in) throws IOException {
		in.transferTo(OutputStream.nullOutputStream());
	}

	/**
	 * Reads what is left of a refused request and throws it away, so the browser gets the form with its
	 * message instead of a connection reset (the server would otherwise stop reading and close).
	 */
	private static void drainRest(HttpServletRequest request) {
		try {
			drain(request.getInputStream());
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the stream was closed; there is nobody left to answer.
		}
	}

}
