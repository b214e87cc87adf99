package org.kinlink.translation.memory;

/** One pair of the memory in clear, as opened from its sealed page: a source sentence and its translation. */
record MemoryUnit(String source, String target) {
}
