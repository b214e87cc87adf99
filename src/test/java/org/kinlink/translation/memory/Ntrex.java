package org.kinlink.translation.memory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real Persian and Albanian sentence pairs for the memory's tests: lines 1-300 of NTREX-128 (CC BY-SA 4.0,
 * see ntrex128-fa-sq.tsv for the attribution).
 */
final class Ntrex {

	private Ntrex() {
	}

	static List<MemoryUnit> pairs() {
		try (InputStream in = Ntrex.class.getResourceAsStream("ntrex128-fa-sq.tsv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.startsWith("#") && !line.isBlank())
				.map(line -> line.split("\t"))
				.map(columns -> new MemoryUnit(columns[1].strip(), columns[2].strip()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
