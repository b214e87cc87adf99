package org.kinlink.cases.employment;

import java.util.List;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The work and income section of the case page ({@code cases/employment :: panel}, model attribute
 * {@code employmentPanel}); the employer column only for the caseworker of record and the team's supervisors.
 */
@Component
class EmploymentPanel implements CasePanel {

	static final String ATTRIBUTE = "employmentPanel";

	private final EmploymentRecords records;

	EmploymentPanel(EmploymentRecords records) {
		this.records = records;
	}

	@Override
	public int order() {
		return 120;
	}

	@Override
	public String template() {
		return "cases/employment";
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		model.addAttribute(ATTRIBUTE, new View(file.id(), file.reference(), file.open(), reader.opensRestricted(file),
				records.of(file, reader)));
	}

	/** What the fragment shows. */
	record View(UUID caseId, String caseReference, boolean open, boolean showEmployer, List<Employment> records) {
	}

}
