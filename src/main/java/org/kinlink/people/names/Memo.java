package org.kinlink.people.names;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A bounded memo for pure functions of names: names repeat across persons (a few thousand distinct parts among a
 * million people), so tokens, sounds and part-against-part similarities are computed once. Emptied when full.
 */
final class Memo<K, V> {

	private final Map<K, V> values = new ConcurrentHashMap<>();

	private final int capacity;

	Memo(int capacity) {
		this.capacity = capacity;
	}

	V get(K key, Function<K, V> compute) {
		V value = values.get(key);
		if (value == null) {
			if (values.size() >= capacity) {
				if (Boolean.getBoolean("memo.debug")) System.err.println("memo cleared " + capacity);
				values.clear();
			}
			value = compute.apply(key);
			values.put(key, value);
		}
		return value;
	}

}
