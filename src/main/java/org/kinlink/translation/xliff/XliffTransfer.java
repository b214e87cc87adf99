package org.kinlink.translation.xliff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.text.HostileCharacters;
import org.kinlink.shared.text.PersianText;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.tasks.QaFinding;
import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.TaskPage;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationDesk;

import org.springframework.stereotype.Service;

/**
 * Export and import of a task as XLIFF 2.0, for a translator who works in their own CAT tool. Only the task's
 * translator, only while it is in progress ("not found" otherwise). An import saves the targets through the
 * desk (as the editor would), leaves segments the file does not translate as they were, and returns the QA
 * findings on the result. Both are audited, without any text.
 */
@Service
class XliffTransfer {

	/** The longest target taken from a file, as in the editor. */
	static final int MAX_SEGMENT_LENGTH = 5_000;

	private static final String RECORD = "translation_task";

	private final TranslationDesk desk;

	private final AuditTrail audit;

	XliffTransfer(TranslationDesk desk, AuditTrail audit) {
		this.desk = desk;
		this.audit = audit;
	}

	/** The file to download and its name. */
	record Export(String fileName, byte[] content) {
	}

	/** What an import did: units with a target in the file, segments whose target changed, QA findings after it. */
	record Imported(TaskPage page, int units, int changed, List<QaFinding> findings) {
	}

	/** The task opened for its translator while in progress; "not found" for anyone else or another state. */
	TaskPage editable(UUID taskId, Staff staff, String action) {
		TaskPage page = desk.open(taskId, staff);
		if (page.mode() != TaskPage.Mode.EDIT) {
			audit.record(AuditEvent.denied(action, RECORD, taskId));
			throw new RecordNotFoundException();
		}
		return page;
	}

	Export export(UUID taskId, Staff staff) {
		TaskPage page = editable(taskId, staff, "translation.xliff.export");
		byte[] content = XliffWriter.write(page.task(), page.segments());
		audit.record(AuditEvent.success("translation.xliff.export", RECORD, taskId)
			.withDetail(page.task().sourceLanguage() + "-" + page.task().targetLanguage()));
		String name = page.task().reference().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + page.task().targetLanguage() + ".xlf";
		return new Export(name, content);
	}

	/** Takes the targets of the file; {@link XliffRefusedException} (audited) when the file is not acceptable. */
	Imported importFile(TaskPage page, Staff staff, byte[] file) {
		UUID taskId = page.task().id();
		try {
			Map<Integer, String> imported = XliffReader.read(file, new XliffReader.Expected(taskId,
					page.task().sourceLanguage(), page.task().targetLanguage(), page.segments().size()));
			List<String> targets = new ArrayList<>(page.segments().stream().map(TaskSegment::target).toList());
			int changed = 0;
			for (Map.Entry<Integer, String> entry : imported.entrySet()) {
				String text = checked(entry.getKey(), entry.getValue());
				if (text != null && !Objects.equals(text, targets.get(entry.getKey() - 1))) {
					targets.set(entry.getKey() - 1, text);
					changed++;
				}
			}
			desk.save(taskId, staff, targets, page.task().viaEnglish());
			List<QaFinding> findings = desk.check(taskId, staff);
			audit.record(AuditEvent.success("translation.xliff.import", RECORD, taskId)
				.withDetail("units=" + imported.size() + " changed=" + changed));
			return new Imported(page, imported.size(), changed, findings);
		}
		catch (XliffRefusedException refused) {
			audit.record(AuditEvent.failure("translation.xliff.import", RECORD, taskId).withDetail(refused.code()));
			throw refused;
		}
	}

	/** The target as the editor would store it, or null when blank; refused when too long or hiding characters. */
	private static String checked(int unit, String target) {
		String text = PersianText.normalize(target);
		if (text == null || text.isBlank()) {
			return null;
		}
		text = text.strip();
		if (text.codePointCount(0, text.length()) > MAX_SEGMENT_LENGTH) {
			throw new XliffRefusedException("xliff.error.segmentTooLong", unit, MAX_SEGMENT_LENGTH);
		}
		if (HostileCharacters.firstIn(text, true).isPresent()) {
			throw new XliffRefusedException("xliff.error.hiddenCharacters", unit);
		}
		return text;
	}

}
