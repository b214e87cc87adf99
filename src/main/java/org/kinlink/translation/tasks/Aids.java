package org.kinlink.translation.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the aids offer for one opened task: suggestions and glossary terms per segment (numbered from 1), notes
 * about the whole document (such as its leverage from the memory) and actions on it (export, import, ask an
 * engine).
 */
public record Aids(Map<Integer, List<Suggestion>> suggestions, Map<Integer, List<TermHit>> terms, List<AidNote> notes,
		List<AidAction> actions) {

	public Aids {
		suggestions = Map.copyOf(suggestions);
		terms = Map.copyOf(terms);
		notes = List.copyOf(notes);
		actions = List.copyOf(actions);
	}

	public static Aids none() {
		return new Aids(Map.of(), Map.of(), List.of(), List.of());
	}

	/** Both sets of help together; suggestions of a segment best first. */
	public Aids and(Aids other) {
		Map<Integer, List<Suggestion>> allSuggestions = new LinkedHashMap<>();
		suggestions.forEach((segment, list) -> allSuggestions.computeIfAbsent(segment, s -> new ArrayList<>()).addAll(list));
		other.suggestions.forEach((segment, list) -> allSuggestions.computeIfAbsent(segment, s -> new ArrayList<>()).addAll(list));
		allSuggestions.values().forEach(list -> list.sort(Suggestion.BEST_FIRST));
		Map<Integer, List<TermHit>> allTerms = new LinkedHashMap<>();
		terms.forEach((segment, list) -> allTerms.computeIfAbsent(segment, s -> new ArrayList<>()).addAll(list));
		other.terms.forEach((segment, list) -> allTerms.computeIfAbsent(segment, s -> new ArrayList<>()).addAll(list));
		List<AidNote> allNotes = new ArrayList<>(notes);
		allNotes.addAll(other.notes);
		List<AidAction> allActions = new ArrayList<>(actions);
		allActions.addAll(other.actions);
		return new Aids(allSuggestions, allTerms, allNotes, allActions);
	}

	public List<Suggestion> suggestionsFor(int segment) {
		return suggestions.getOrDefault(segment, List.of());
	}

	public List<TermHit> termsIn(int segment) {
		return terms.getOrDefault(segment, List.of());
	}

}
