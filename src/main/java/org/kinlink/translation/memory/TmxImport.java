package org.kinlink.translation.memory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.kinlink.shared.text.PersianText;

/**
 * Takes from a read TMX document the units of one language pair: the tu with a variant in both languages
 * (primary subtags compared, so fa-IR is fa), the same pair twice kept once. A unit of the pair with an empty
 * segment refuses the whole file; none of the pair at all too.
 */
final class TmxImport {

	private TmxImport() {
	}

	/** The units taken and how many tu were left out because they lack one of the languages. */
	record Selection(List<MemoryUnit> units, int ignored) {
	}

	static Selection select(TmxReader.TmxDocument document, LanguagePair pair) throws TmxProblem {
		Set<MemoryUnit> units = new LinkedHashSet<>();
		int ignored = 0;
		for (TmxReader.Unit unit : document.units()) {
			String source = null;
			String target = null;
			for (var variant : unit.segments().entrySet()) {
				String language = LanguagePair.primary(variant.getKey());
				if (language.equals(pair.source()) && source == null) {
					source = variant.getValue();
				}
				else if (language.equals(pair.target()) && target == null) {
					target = variant.getValue();
				}
			}
			if (source == null || target == null) {
				ignored++;
				continue;
			}
			if (source.isBlank() || target.isBlank()) {
				throw new TmxProblem("memory.import.emptySegment", unit.number());
			}
			units.add(new MemoryUnit(PersianText.normalize(source), PersianText.normalize(target)));
		}
		if (units.isEmpty()) {
			throw new TmxProblem("memory.import.missingPair", pair.source(), pair.target());
		}
		return new Selection(new ArrayList<>(units), ignored);
	}

}
