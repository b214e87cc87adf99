package org.kinlink.cases.file;

import org.springframework.ui.Model;

/**
 * One section of the case page (services, follow-ups, consent, waiting messages...), contributed by the
 * sub-package that owns it: the case page shows every panel bean in {@link #order()} with the Thymeleaf
 * fragment {@code template :: panel}. A panel adds its own model attributes (named after it, so panels never
 * clash), opens RESTRICTED data only when {@link CaseReader#opensRestricted} allows, and audits what it opens.
 */
public interface CasePanel {

	/** Position on the page, smaller first (case core uses 0-99, services 100-199, consent 200-299). */
	int order();

	/** The template holding the {@code panel} fragment, e.g. {@code cases/services}. */
	String template();

	/** Adds what the fragment shows for this case and reader. */
	void contribute(CaseFile file, CaseReader reader, Model model);

}
