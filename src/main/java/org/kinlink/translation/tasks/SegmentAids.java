package org.kinlink.translation.tasks;

import java.util.List;

/**
 * Help shown beside the segments of a task in the editor and on the review page: translation-memory matches,
 * stored machine suggestions, glossary terms found in the source, figures about the document and actions on
 * it. Each kind of help is one bean (memory, glossary, machine, xliff); the editor asks all of them when a
 * reader opens a task they may see (the caller has checked access and audits the read). An implementation
 * must be fast and must not call anything outside the process: it runs on every opening of a 300-segment
 * document, which must take under a second. A failure of one aid shows no help from it, never an error page.
 */
public interface SegmentAids {

	Aids aids(TranslationTask task, List<TaskSegment> segments);

}
