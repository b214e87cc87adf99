package org.kinlink.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real Persian and Albanian from NTREX-128 (newstest2019 references, CC BY-SA 4.0), which sits beside the
 * project in ../shared/data/ntrex128.
 */
final class Corpus {

	private Corpus() {
	}

	/** Three consecutive Persian sentences as one letter. */
	static String persianLetter() {
		return String.join(" ", lines("newstest2019-ref.fas.txt").subList(0, 3));
	}

	static List<String> albanian() {
		return lines("newstest2019-ref.sqi.txt").subList(0, 3);
	}

	private static List<String> lines(String file) {
		for (Path dir : List.of(Path.of("../shared/data/ntrex128"), Path.of("/work/shared/data/ntrex128"))) {
			if (Files.exists(dir.resolve(file))) {
				try {
					return Files.readAllLines(dir.resolve(file));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("NTREX-128 corpus not found beside the project (../shared/data/ntrex128)");
	}

}
