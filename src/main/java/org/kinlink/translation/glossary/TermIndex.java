package org.kinlink.translation.glossary;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms of one glossary as a trie over their comparable keys, built once per glossary revision. Finding
 * terms walks the trie from each word start of the comparable text (leftmost, longest, not overlapping), so a
 * search costs the length of the text times the length of the longest term it begins, whatever the number of
 * terms. A space between two Persian letters of the text may be left out of a term (امیر حسین, امیرحسین).
 */
public final class TermIndex {

	private final Node root = new Node();

	private final long revision;

	private final int size;

	/** A term found in a text: [start, end) of the original text. */
	public record Found(int start, int end, GlossaryTerm term) {
	}

	TermIndex(List<GlossaryTerm> terms, long revision) {
		this.revision = revision;
		for (GlossaryTerm term : terms) {
			add(term);
		}
		this.size = terms.size();
	}

	/** An index of the given terms (for tests and benchmarks). */
	public static TermIndex of(List<GlossaryTerm> terms) {
		return new TermIndex(terms, 0);
	}

	private void add(GlossaryTerm term) {
		String key = term.key();
		if (key.isEmpty()) {
			return;
		}
		Node node = root;
		for (int i = 0; i < key.length(); i++) {
			node = node.child(key.charAt(i), true);
		}
		node.term = term;
	}

	long revision() {
		return revision;
	}

	public int size() {
		return size;
	}

	/** The terms found in the text, in text order. */
	public List<Found> find(String original) {
		if (root.size == 0 || original == null || original.isEmpty()) {
			return List.of();
		}
		MatchText match = MatchText.of(original);
		String text = match.text();
		List<Found> found = new ArrayList<>();
		int p = 0;
		while (p < text.length()) {
			if (!MatchText.wordChar(text.charAt(p)) || p > 0 && MatchText.wordChar(text.charAt(p - 1))) {
				p++;
				continue;
			}
			int end = longestFrom(text, p, found, match);
			p = end > p ? end : p + 1;
		}
		return found;
	}

	/** Adds the longest term starting at p (if any) and returns where it ends, or p. */
	private int longestFrom(String text, int p, List<Found> found, MatchText match) {
		Node node = root;
		int q = p;
		int bestEnd = p;
		GlossaryTerm best = null;
		while (q < text.length()) {
			char c = text.charAt(q);
			Node child = node.child(c, false);
			if (child == null) {
				if (c == ' ' && q > p && q + 1 < text.length() && MatchText.arabicLetter(text.charAt(q - 1))
						&& MatchText.arabicLetter(text.charAt(q + 1))) {
					q++;
					continue;
				}
				break;
			}
			node = child;
			q++;
			if (node.term != null && (q == text.length() || !MatchText.wordChar(text.charAt(q)))) {
				bestEnd = q;
				best = node.term;
			}
		}
		if (best != null) {
			found.add(new Found(match.originalStart(p), match.originalEnd(bestEnd), best));
		}
		return bestEnd;
	}

	/** A trie node: its children in sorted arrays (no boxing, little memory for thousands of terms). */
	private static final class Node {

		private char[] keys = new char[0];

		private Node[] children = new Node[0];

		private int size;

		private GlossaryTerm term;

		Node child(char c, boolean create) {
			int at = java.util.Arrays.binarySearch(keys, 0, size, c);
			if (at >= 0) {
				return children[at];
			}
			if (!create) {
				return null;
			}
			int insert = -at - 1;
			if (size == keys.length) {
				int capacity = Math.max(2, size * 2);
				keys = java.util.Arrays.copyOf(keys, capacity);
				children = java.util.Arrays.copyOf(children, capacity);
			}
			System.arraycopy(keys, insert, keys, insert + 1, size - insert);
			System.arraycopy(children, insert, children, insert + 1, size - insert);
			keys[insert] = c;
			Node child = new Node();
			children[insert] = child;
			size++;
			return child;
		}

	}

}
