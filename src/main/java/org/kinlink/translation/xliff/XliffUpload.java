package org.kinlink.translation.xliff;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import org.springframework.util.unit.DataSize;

/**
 * Reads the "file" field of the import form as a stream, into memory up to the limit (Spring's multipart support
 * is off: nothing is written to a temporary file). Other fields are skipped.
 */
final class XliffUpload {

	static final String FIELD = "file";

	private XliffUpload() {
	}

	static byte[] read(HttpServletRequest request, DataSize limit) {
		if (!JakartaServletFileUpload.isMultipartContent(request)) {
			throw new XliffRefusedException("xliff.error.noFile");
		}
		byte[] content = null;
		try {
			FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				try (InputStream in = item.getInputStream()) {
					if (content == null && !item.isFormField() && FIELD.equals(item.getFieldName())) {
						content = in.readNBytes((int) limit.toBytes() + 1);
						if (content.length > limit.toBytes()) {
							throw new XliffRefusedException("xliff.error.tooLarge", limit.toKilobytes());
						}
					}
					else {
						in.transferTo(java.io.OutputStream.nullOutputStream());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new XliffRefusedException("xliff.error.noFile");
		}
		if (content == null || content.length == 0) {
			throw new XliffRefusedException("xliff.error.noFile");
		}
		return content;
	}

}
