package org.kinlink.cases.waiting;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The family-messages section of the case page: the letters linked to the person (nothing opened), what the
 * person allows, and for the caseworker of record and the team's supervisors the delivery buttons.
 */
@Component
class MessagesPanel implements CasePanel {

	static final String TEMPLATE = "cases/waiting";

	private final MessagesWaiting waiting;

	MessagesPanel(MessagesWaiting waiting) {
		this.waiting = waiting;
	}

	@Override
	public int order() {
		return 210;
	}

	@Override
	public String template() {
		return TEMPLATE;
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		model.addAttribute("waitingCase", file);
		model.addAttribute("waiting", waiting.view(file, reader));
	}

}
