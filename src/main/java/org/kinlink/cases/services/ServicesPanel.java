package org.kinlink.cases.services;

import java.util.List;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The services section of the case page ({@code cases/services :: panel}, model attribute
 * {@code servicesPanel}): every service of the case with its notes, which are CONFIDENTIAL and shown to
 * everyone who may see the case.
 */
@Component
class ServicesPanel implements CasePanel {

	static final String ATTRIBUTE = "servicesPanel";

	private final CaseServices services;

	ServicesPanel(CaseServices services) {
		this.services = services;
	}

	@Override
	public int order() {
		return 110;
	}

	@Override
	public String template() {
		return "cases/services";
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		model.addAttribute(ATTRIBUTE, new View(file.id(), file.reference(), file.open(), services.of(file)));
	}

	/** What the fragment shows. */
	record View(UUID caseId, String caseReference, boolean open, List<CaseService> services) {
	}

}
