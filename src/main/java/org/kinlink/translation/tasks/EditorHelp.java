package org.kinlink.translation.tasks;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gathers the help of every {@link SegmentAids} bean for an opened task. An aid that fails gives no help (the
 * failure is logged by class only, never with text); the page opens anyway.
 */
@Component
public class EditorHelp {

	private static final Logger log = LoggerFactory.getLogger(EditorHelp.class);

	private final List<SegmentAids> aids;

	EditorHelp(List<SegmentAids> aids) {
		this.aids = List.copyOf(aids);
	}

	public Aids of(TaskPage page) {
		Aids all = Aids.none();
		for (SegmentAids aid : aids) {
			try {
				all = all.and(aid.aids(page.task(), page.segments()));
			}
			catch (RuntimeException failure) {
				log.warn("Editor aid {} failed: {}", aid.getClass().getSimpleName(), failure.getClass().getSimpleName());
			}
		}
		return all;
	}

}
