package org.kinlink.translation.memory;

/** A unit of the memory whose source is like the sentence looked up: score 100 exact, else 0 to 99. */
record MemoryMatch(String source, String target, int score, MemoryBatch batch) {
}
