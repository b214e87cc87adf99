package org.kinlink.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A visitor of the portal in tests: comes from its own address (so rate limits of one test do not touch
 * another) and fills in the letter form the way a browser would.
 */
public final class PortalClient {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String address;

	private final MockMvc mvc;

	public PortalClient(MockMvc mvc) {
		this.mvc = mvc;
		this.address = "10.%d.%d.%d".formatted(RANDOM.nextInt(256), RANDOM.nextInt(256), 1 + RANDOM.nextInt(254));
	}

	public RequestPostProcessor from() {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	public static String newFormKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** A complete, valid letter form; tests change one field to make it bad. */
	public static Map<String, String> letter(String text) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("formKey", newFormKey());
		form.put("senderNamePersian", "مریم احمدی");
		form.put("senderNameLatin", "Maryam Ahmadi");
		form.put("relationship", "مادر");
		form.put("addresseeNamePersian", "علی احمدی");
		form.put("addresseeNameLatin", "Ali Ahmadi");
		form.put("addresseeFatherName", "حسن");
		form.put("addresseeBirthYear", "1990");
		form.put("addresseeDetails", "خال روی گونهٔ چپ");
		form.put("text", text);
		form.put("language", "fa");
		return form;
	}

	public MockHttpServletRequestBuilder postForm(String path, Map<String, String> form) {
		MockHttpServletRequestBuilder request = post(path).with(csrf()).with(from());
		form.forEach((name, value) -> {
			if (value != null) {
				request.param(name, value);
			}
		});
		return request;
	}

	/** Sends the letter and reads the receipt off the page, as the family would write it down. */
	public String send(Map<String, String> form) throws Exception {
		String html = mvc.perform(postForm("/portal/letters", form)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return Jsoup.parse(html).select("#receipt span").eachText().stream().reduce("", String::concat);
	}

}
