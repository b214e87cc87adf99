package org.kinlink.media.uploads;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads for the family portal, tus 1.0 at /api/v1/portal/uploads: POST creates an upload
 * (Upload-Length at most 2 GB) and answers its Location; PATCH appends from Upload-Offset; HEAD tells the
 * offset to resume from; DELETE gives an upload up; OPTIONS lists the extensions. Anonymous, like the portal.
 */
@RestController
@Tag(name = "Family portal uploads", description = "tus 1.0 resumable uploads (https://tus.io/protocols/resumable-upload)")
class TusEndpoint {

	private final TusProtocol tus;

	TusEndpoint(TusProtocol tus) {
		this.tus = tus;
	}

	@RequestMapping(path = { TusProtocol.PATH, TusProtocol.PATH + "/{uploadId}" }, method = { RequestMethod.POST,
			RequestMethod.PATCH, RequestMethod.HEAD, RequestMethod.OPTIONS, RequestMethod.DELETE })
	@Operation(summary = "tus 1.0 upload", description = "Extensions creation, termination, expiration. Unfinished uploads expire 24 hours after their last bytes; a finished one waits 24 hours for the letter that names it in uploadIds.")
	void tus(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Cache-Control", "no-store");
		tus.process(new BareContentType(request), response);
	}

	/**
	 * The library wants the Content-Type of a PATCH to be exactly application/offset+octet-stream; a charset
	 * that a client or a filter added on the way (bytes have none) should not fail an upload.
	 */
	private static final class BareContentType extends jakarta.servlet.http.HttpServletRequestWrapper {

		BareContentType(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getHeader(String name) {
			String value = super.getHeader(name);
			if ("Content-Type".equalsIgnoreCase(name) && value != null && value.contains(";")) {
				return value.substring(0, value.indexOf(';')).strip();
			}
			return value;
		}

	}

	/** The protocol object, made once: the library keeps its extensions and limits in it. */
	@Configuration(proxyBeanMethods = false)
	static class Setup {

		@Bean
		TusProtocol tusProtocol(EncryptedUploadStorage storage, LeaseLocks locks, UploadSettings settings) {
			return new TusProtocol(storage, locks, settings);
		}

	}

}
