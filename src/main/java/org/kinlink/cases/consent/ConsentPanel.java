package org.kinlink.cases.consent;

import org.kinlink.cases.DisclosureLevel;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The consent section of the case page: the current level for everyone who sees the case; for the caseworker
 * of record and the team's supervisors also the decisions with their details, the form for a new decision
 * and withdrawal.
 */
@Component
class ConsentPanel implements CasePanel {

	static final String TEMPLATE = "cases/consent";

	private final ConsentRecords records;

	ConsentPanel(ConsentRecords records) {
		this.records = records;
	}

	@Override
	public int order() {
		return 200;
	}

	@Override
	public String template() {
		return TEMPLATE;
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		model.addAttribute("consentCase", file);
		model.addAttribute("consent", records.view(file, reader));
		model.addAttribute("consentLevels", DisclosureLevel.values());
		model.addAttribute("consentMethods", LegalBasis.Method.values());
		if (!model.containsAttribute("consentForm")) {
			model.addAttribute("consentForm", DecisionForm.empty());
		}
	}

}
