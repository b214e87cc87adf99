package org.kinlink.translation.machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kinlink.translation.tasks.AidAction;
import org.kinlink.translation.tasks.AidNote;
import org.kinlink.translation.tasks.Aids;
import org.kinlink.translation.tasks.SegmentAids;
import org.kinlink.translation.tasks.Suggestion;
import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TaskState;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.stereotype.Component;

/**
 * The engine's help in the editor: the button "ask the engine" while the task is in progress and its pair has
 * an enabled engine, the stored answers of the last request as suggestions labelled with the engine's name,
 * and a line with that request's figures. Reads the database only; the engine is asked on the button alone.
 */
@Component
class MachineAids implements SegmentAids {

	private final EngineSettings settings;

	private final SuggestionStore store;

	MachineAids(EngineSettings settings, SuggestionStore store) {
		this.settings = settings;
		this.store = store;
	}

	@Override
	public Aids aids(TranslationTask task, List<TaskSegment> segments) {
		List<AidAction> actions = new ArrayList<>();
		if (task.state() == TaskState.IN_PROGRESS
				&& settings.usable(task.sourceLanguage(), task.targetLanguage()).isPresent()) {
			actions.add(new AidAction("machine.action.ask", AidAction.Method.POST,
					"/staff/translations/" + task.id() + "/machine"));
		}
		Map<Integer, List<Suggestion>> suggestions = new LinkedHashMap<>();
		List<AidNote> notes = new ArrayList<>();
		store.load(task.id()).ifPresent(run -> {
			run.answers().forEach((segment, text) -> suggestions.put(segment,
					List.of(new Suggestion(segment, Suggestion.Origin.MACHINE, text, 0, run.engine(), null, null))));
			notes.add(new AidNote("machine.note.lastRun", List.of(run.engine(), run.answered(), run.sent(), run.withheld())));
		});
		return new Aids(suggestions, Map.of(), notes, actions);
	}

}
