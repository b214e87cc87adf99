package org.kinlink.people.names;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The consonants of a name part, without vowels, semi-vowels (v, y) or the glottal stop: what every spelling of
 * it writes in either script (محمود, Mahmoud, Mahmud: mhmd). It finds candidates in the name index; it does not
 * decide (Mohammad has the same skeleton as Mahmoud), the scorer does.
 */
public final class Skeleton {

	private Skeleton() {
	}

	public static String of(String token) {
		String sounds = Sounds.of(token);
		StringBuilder out = new StringBuilder(sounds.length());
		for (int i = 0; i < sounds.length(); i++) {
			char s = sounds.charAt(i);
			if ("aeiouUIJAWYE@Gvy".indexOf(s) < 0 && (out.isEmpty() || out.charAt(out.length() - 1) != s)) {
				out.append(s);
			}
		}
		return out.toString();
	}

	/** The skeletons of a name's parts and of each two neighbouring parts joined (compounds written apart). */
	public static Set<String> keys(String name) {
		List<String> tokens = NameForms.tokens(name);
		Set<String> keys = new LinkedHashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			add(keys, of(tokens.get(i)));
			if (i + 1 < tokens.size()) {
				add(keys, of(tokens.get(i)) + of(tokens.get(i + 1)));
			}
		}
		return keys;
	}

	private static void add(Set<String> keys, String key) {
		if (key.length() >= 2) {
			keys.add(key);
		}
	}

}
