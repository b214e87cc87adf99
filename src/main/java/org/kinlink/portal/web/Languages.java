package org.kinlink.portal.web;

import java.util.List;

/** The languages a family may say their letter is written in: Persian first, then Dari, English, Albanian. */
final class Languages {

	static final String DEFAULT = "fa";

	static final List<String> CODES = List.of("fa", "prs", "en", "sq", "other");

	static final String PATTERN = "fa|prs|en|sq|other";

	private Languages() {
	}

}
