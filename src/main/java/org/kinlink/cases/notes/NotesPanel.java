package org.kinlink.cases.notes;

import java.util.List;
import java.util.UUID;

import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CasePanel;
import org.kinlink.cases.file.CaseReader;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The notes section of the case page ({@code cases/notes :: panel}, model attribute {@code notesPanel}): only
 * for the caseworker of record and the team's supervisors; for anyone else the attribute is absent and the
 * fragment shows nothing, not even that notes exist.
 */
@Component
class NotesPanel implements CasePanel {

	static final String ATTRIBUTE = "notesPanel";

	private final CaseNotes notes;

	NotesPanel(CaseNotes notes) {
		this.notes = notes;
	}

	@Override
	public int order() {
		return 140;
	}

	@Override
	public String template() {
		return "cases/notes";
	}

	@Override
	public void contribute(CaseFile file, CaseReader reader, Model model) {
		if (reader.opensRestricted(file)) {
			model.addAttribute(ATTRIBUTE, new View(file.id(), file.reference(), file.open(), notes.read(file)));
		}
	}

	/** What the fragment shows. */
	record View(UUID caseId, String caseReference, boolean open, List<CaseNote> notes) {
	}

}
