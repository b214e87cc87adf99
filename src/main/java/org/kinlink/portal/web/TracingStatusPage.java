package org.kinlink.portal.web;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page a tracing receipt opens on the status form: the answer the family may read now. Whether nobody
 * was found or the person chose nothing, the page is the same template with the same fields and words.
 */
@Component
class TracingStatusPage {

	static final String VIEW = "portal/tracing-status";

	private final TracingDesk desk;

	TracingStatusPage(TracingDesk desk) {
		this.desk = desk;
	}

	String show(Model model, UUID requestId) {
		model.addAttribute("answer", desk.answer(requestId));
		return VIEW;
	}

}
