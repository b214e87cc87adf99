package org.kinlink.translation.tasks;

/**
 * One sentence of the letter (numbered from 1) and its translation, opened for a reader who may see it; the
 * pivot is the English translation of the same sentence when the Albanian translator may work through it.
 */
public record TaskSegment(int number, String source, String target, String pivot) {

	TaskSegment(int number, String source, String target) {
		this(number, source, target, null);
	}

	TaskSegment withPivot(String english) {
		return new TaskSegment(number, source, target, english);
	}

}
