package org.kinlink.people.names;

import java.util.List;

import com.ibm.icu.text.Transliterator;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The baselines docs/names.md measures the scorer against, run side by side on the same pairs: Jaro-Winkler and
 * Double Metaphone over ICU's Any-Latin transliteration of both names (pg_trgm runs in PostgreSQL, see
 * {@link TrigramBaseline}).
 */
final class Baselines {

	private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

	private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

	private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

	private Baselines() {
	}

	/** A name in Latin letters as ICU's Any-Latin gives it, lower case, parts joined by single spaces. */
	static String latin(String name) {
		return String.join(" ", NameForms.tokens(ANY_LATIN.transliterate(name == null ? "" : name)));
	}

	static double jaroWinkler(String a, String b) {
		return JARO_WINKLER.apply(latin(a), latin(b));
	}

	/** The share of parts, in order, whose Double Metaphone codes (primary or alternate) agree. */
	static double doubleMetaphone(String a, String b) {
		List<String> left = NameForms.tokens(latin(a));
		List<String> right = NameForms.tokens(latin(b));
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		int agree = 0;
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			String x = left.get(i);
			String y = right.get(i);
			if (METAPHONE.isDoubleMetaphoneEqual(x, y, false) || METAPHONE.isDoubleMetaphoneEqual(x, y, true)
					|| METAPHONE.doubleMetaphone(x).equals(METAPHONE.doubleMetaphone(y, true))
					|| METAPHONE.doubleMetaphone(x, true).equals(METAPHONE.doubleMetaphone(y))) {
				agree++;
			}
		}
		return (double) agree / Math.max(left.size(), right.size());
	}

}
