package org.kinlink.translation.tasks;

import java.util.List;

/**
 * A quality check run on submission (and on an XLIFF import) besides the built-in ones: it looks at the task,
 * its opened segments and the targets typed (index i is segment i + 1; a target may be null) and reports what
 * it finds. It must not call anything outside the process.
 */
public interface QaCheck {

	List<QaFinding> check(TranslationTask task, List<TaskSegment> segments, List<String> targets);

}
