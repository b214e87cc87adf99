package org.kinlink.cases.followups;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The follow-ups section of the case page ({@code cases/followups :: panel}, model attribute
 * {@code followUpsPanel}); an overdue follow-up is marked in red and in words.
 */
@Component
class FollowUpsPanel implements CasePanel {

	static final String ATTRIBUTE = "followUpsPanel";

	private final FollowUps followUps;

	FollowUpsPanel(FollowUps followUps) {
		this.followUps = followUps;
	}

	@Override
	public int order() {
		return 130;
	}

	@Override
	public String template() {
		return "cases/followups";
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		LocalDate today = followUps.today();
		List<Row> rows = followUps.of(file).stream().map(f -> new Row(f, f.overdueOn(today))).toList();
		model.addAttribute(ATTRIBUTE, new View(file.id(), file.reference(), file.open(), rows));
	}

	/** What the fragment shows. */
	record View(UUID caseId, String caseReference, boolean open, List<Row> followUps) {
	}

	/** A follow-up and whether it is overdue today. */
	record Row(FollowUp followUp, boolean overdue) {
	}

}
