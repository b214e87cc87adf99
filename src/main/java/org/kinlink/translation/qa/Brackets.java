package org.kinlink.translation.qa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts brackets and quotation marks that are left open or closed without opening, per kind: round, square,
 * curly, and quotation marks of every language together (Persian «», Albanian „“ and «», English “” ‘’ and the
 * ASCII ones). An apostrophe between letters (s'ka, don’t) is not a quotation mark. A segment may open a quote
 * that the next one closes (a quoted passage of several sentences), so a target that is not balanced is still
 * accepted when its source is unbalanced the same way; a balanced target is always accepted (even when its
 * source forgot to close a quote).
 */
final class Brackets {

	private static final String[] PAIRS = { "()", "[]", "{}" };

	private Brackets() {
	}

	/** How many marks of each kind stay open and how many close without opening: [kind][0 open, 1 stray]. */
	record Balance(int[][] counts, Set<Character> quotes) {

		boolean sameAs(Balance other, int kind) {
			return counts[kind][0] == other.counts[kind][0] && counts[kind][1] == other.counts[kind][1];
		}

		boolean balanced(int kind) {
			return counts[kind][0] == 0 && counts[kind][1] == 0;
		}

	}

	/** The marks whose balance in the target differs from the source's, e.g. "( )" or "„ “"; empty when none. */
	static String unbalanced(String source, String target) {
		Balance from = of(source);
		Balance to = of(target);
		List<String> wrong = new ArrayList<>();
		for (int kind = 0; kind < PAIRS.length; kind++) {
			if (!to.balanced(kind) && !to.sameAs(from, kind)) {
				wrong.add(PAIRS[kind].charAt(0) + " " + PAIRS[kind].charAt(1));
			}
		}
		if (!to.balanced(PAIRS.length) && !to.sameAs(from, PAIRS.length)) {
			StringBuilder marks = new StringBuilder();
			to.quotes().forEach(q -> marks.append(marks.length() == 0 ? "" : " ").append(q));
			wrong.add(marks.length() == 0 ? "« »" : marks.toString());
		}
		return String.join(", ", wrong);
	}

	static Balance of(String text) {
		int[][] counts = new int[PAIRS.length + 1][2];
		for (int kind = 0; kind < PAIRS.length; kind++) {
			int depth = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == PAIRS[kind].charAt(0)) {
					depth++;
				}
				else if (c == PAIRS[kind].charAt(1)) {
					if (depth > 0) {
						depth--;
					}
					else {
						counts[kind][1]++;
					}
				}
			}
			counts[kind][0] = depth;
		}
		Set<Character> quotes = new LinkedHashSet<>();
		int[] quoteCounts = quotes(text, quotes);
		counts[PAIRS.length] = quoteCounts;
		return new Balance(counts, quotes);
	}

	/** Open and stray quotation marks, with a stack so that Albanian „…“ and English “…” both close. */
	private static int[] quotes(String text, Set<Character> seen) {
		Deque<Character> open = new ArrayDeque<>();
		int stray = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean inWord = i > 0 && Character.isLetter(text.charAt(i - 1)) && i + 1 < text.length()
					&& Character.isLetter(text.charAt(i + 1));
			boolean afterLetter = i > 0 && Character.isLetterOrDigit(text.charAt(i - 1));
			switch (c) {
				case '«', '„', '‚' -> open.push(c);
				case '»' -> stray += close(open, '«');
				case '“' -> {
					if (!open.isEmpty() && open.peek() == '„') {
						open.pop();
					}
					else {
						open.push(c);
					}
				}
				case '”' -> stray += close(open, '“', '„');
				case '‘' -> {
					if (!open.isEmpty() && open.peek() == '‚') {
						open.pop();
					}
					else {
						open.push(c);
					}
				}
				case '’' -> {
					if (inWord || afterLetter && (open.isEmpty() || open.peek() != '‘' && open.peek() != '‚')) {
						continue; // an apostrophe: don’t, students’
					}
					stray += close(open, '‘', '‚');
				}
				case '"' -> {
					if (!open.isEmpty() && open.peek() == '"') {
						open.pop();
					}
					else {
						open.push(c);
					}
				}
				case '\'' -> {
					if (inWord || afterLetter && (open.isEmpty() || open.peek() != '\'')) {
						continue; // an apostrophe: s'ka, it's, the students'
					}
					if (!open.isEmpty() && open.peek() == '\'') {
						open.pop();
					}
					else {
						open.push(c);
					}
				}
				default -> {
					continue;
				}
			}
			seen.add(c);
		}
		return new int[] { open.size(), stray };
	}

	/** Closes the innermost quote if it is one of the openers; 1 if the mark closes nothing. */
	private static int close(Deque<Character> open, char... openers) {
		if (!open.isEmpty()) {
			for (char opener : openers) {
				if (open.peek() == opener) {
					open.pop();
					return 0;
				}
			}
		}
		return 1;
	}

}
