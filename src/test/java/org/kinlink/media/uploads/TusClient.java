package org.kinlink.media.uploads;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A tus 1.0 client over MockMvc, for tests: creates, patches, asks offsets, terminates. */
public final class TusClient {

	public static final String ENDPOINT = "/api/v1/portal/uploads";

	private final MockMvc mvc;

	public TusClient(MockMvc mvc) {
		this.mvc = mvc;
	}

	public MvcResult create(long length, String fileName) throws Exception {
		return mvc.perform(post(ENDPOINT).header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", length)
			.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8))))
			.andReturn();
	}

	/** Creates an upload and answers its id. */
	public UUID newUpload(long length, String fileName) throws Exception {
		String location = create(length, fileName).getResponse().getHeader("Location");
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	public MvcResult patch(UUID id, long offset, byte[] bytes) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(ENDPOINT + "/" + id)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", offset)
			.header("Content-Length", bytes.length)
			.header("Content-Type", "application/offset+octet-stream")
			.content(bytes)).andReturn();
	}

	public MvcResult head(UUID id) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(ENDPOINT + "/" + id)
			.header("Tus-Resumable", "1.0.0")).andReturn();
	}

	public MvcResult terminate(UUID id) throws Exception {
		return mvc.perform(delete(ENDPOINT + "/" + id).header("Tus-Resumable", "1.0.0")).andReturn();
	}

	/** A whole upload in one PATCH; answers its id. */
	public UUID upload(byte[] bytes, String fileName) throws Exception {
		UUID id = newUpload(bytes.length, fileName);
		if (bytes.length > 0) {
			patch(id, 0, bytes);
		}
		return id;
	}

}
