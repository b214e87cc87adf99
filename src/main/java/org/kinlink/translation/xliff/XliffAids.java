package org.kinlink.translation.xliff;

import java.util.List;
import java.util.Map;

import org.kinlink.translation.tasks.AidAction;
import org.kinlink.translation.tasks.Aids;
import org.kinlink.translation.tasks.SegmentAids;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TaskState;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/** Offers the XLIFF download and upload in the editor while the task is in progress. */
@Component
class XliffAids implements SegmentAids {

	@Override
	public Aids aids(TranslationTask task, List<TaskSegment> segments) {
		if (task.state() != TaskState.IN_PROGRESS) {
			return Aids.none();
		}
		String url = "/staff/translations/" + task.id() + "/xliff";
		return new Aids(Map.of(), Map.of(), List.of(), List.of(new AidAction("xliff.action.export", AidAction.Method.GET, url),
				new AidAction("xliff.action.import", AidAction.Method.UPLOAD, url)));
	}

}
