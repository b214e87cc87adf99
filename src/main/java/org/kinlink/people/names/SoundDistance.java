package org.kinlink.people.names;

/**
 * The cost of turning one sound sequence into another (a weighted edit distance), and a similarity from it.
 * The costs say how likely each difference is between two spellings of the same name: a short vowel that
 * Persian does not write costs almost nothing across scripts, while و against a Latin "a" (Mahmoud against
 * Mohammad), or a consonant changed, costs a whole letter.
 */
public final class SoundDistance {

	/** Which scripts are compared: the costs of a missing vowel differ. */
	enum Mode {
		/** Persian against Latin. */
		CROSS,
		/** Both in the same script. */
		SAME
	}

	/** Similarity falls to 0 when the cost reaches this share of the longer sequence's strong symbols. */
	private static final double SCALE = 0.6;

	private SoundDistance() {
	}

	private static final Memo<String, Double> SIMILARITIES = new Memo<>(1_000_000);

	/** 1 for two spellings of the same sounds, towards 0 as they drift apart; the tokens are normalised. */
	public static double similarity(String tokenA, String tokenB) {
		return SIMILARITIES.get(tokenA + '\t' + tokenB, ignored -> compute(tokenA, tokenB));
	}

	private static double compute(String tokenA, String tokenB) {
		String a = Sounds.of(tokenA);
		String b = Sounds.of(tokenB);
		if (a.isEmpty() || b.isEmpty()) {
			return a.equals(b) ? 1 : 0;
		}
		Mode mode = NameForms.script(tokenA) != NameForms.script(tokenB) ? Mode.CROSS : Mode.SAME;
		double cost = cost(a, b, mode);
		double length = Math.max(weight(a), weight(b));
		return Math.max(0, 1 - cost / (SCALE * Math.max(length, 2)));
	}

	static double cost(String a, String b, Mode mode) {
		double[][] d = new double[a.length() + 1][b.length() + 1];
		for (int i = 1; i <= a.length(); i++) {
			d[i][0] = d[i - 1][0] + indel(a, i - 1, mode);
		}
		for (int j = 1; j <= b.length(); j++) {
			d[0][j] = d[0][j - 1] + indel(b, j - 1, mode);
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				char x = a.charAt(i - 1);
				char y = b.charAt(j - 1);
				double best = d[i - 1][j - 1] + substitution(x, y, mode);
				best = Math.min(best, d[i - 1][j] + indel(a, i - 1, mode));
				best = Math.min(best, d[i][j - 1] + indel(b, j - 1, mode));
				d[i][j] = best;
			}
		}
		return d[a.length()][b.length()];
	}

	/** Consonants and long vowels count whole, Latin short vowels half (Persian does not write them). */
	private static double weight(String symbols) {
		double n = 0;
		for (int i = 0; i < symbols.length(); i++) {
			char s = symbols.charAt(i);
			n += s == 'G' ? 0 : "aeiou".indexOf(s) >= 0 ? 0.5 : 1;
		}
		return n;
	}

	/** A final i or ی is a suffix that makes another name (Karim, Karimi; Ahmad, Ahmadi): a whole letter. */
	static double indel(String symbols, int at, Mode mode) {
		char s = symbols.charAt(at);
		if (at == symbols.length() - 1 && at > 1 && "iIYJ".indexOf(s) >= 0) {
			return 1.0;
		}
		return indel(s, mode);
	}

	static double indel(char s, Mode mode) {
		return switch (s) {
			// Latin short vowels: unwritten in Persian, a spelling difference between two Latin forms
			case 'a', 'e', 'o' -> mode == Mode.CROSS ? 0.03 : 0.3;
			case 'u' -> mode == Mode.CROSS ? 0.25 : 0.4;
			case 'i' -> 0.5;
			case 'y' -> 0.3; // a glide between vowels: Rezayi, Mahdiyeh
			case 'U', 'I', 'J' -> 0.8;
			case 'G' -> 0.1;
			case 'E' -> 0.9; // a final heh is often the feminine ending: مهدی, مهدیه
			case '@' -> 0.6;
			case 'A', 'Y' -> 0.7;
			case 'W' -> 0.8;
			case 'h' -> 0.8;
			default -> 1.0;
		};
	}

	static double substitution(char x, char y, Mode mode) {
		if (x == y) {
			return 0;
		}
		if (mode == Mode.SAME && (x == 'E' && y == 'a' || x == 'a' && y == 'E')) {
			return 0.6; // Zahra and Zohreh: a final -a against -eh between two Latin spellings
		}
		if (x > y) {
			char t = x;
			x = y;
			y = t;
		}
		String pair = "" + x + y;
		return switch (pair) {
			// Persian vowel letters against what Latin writes for them
			case "Aa", "@a", "@e", "@i", "@o", "@u", "@U", "@I", "Wu", "UW", "Wv", "IY", "JY", "Yi", "Yy", "Ee" -> 0;
			case "Ga", "Ge", "Gi", "Go", "Gu" -> 0.05;
			case "Wo" -> 0.1;
			case "UY", "Eh", "EJ" -> 0.2;
			case "Ea" -> 0.2;
			case "@A" -> 0.3;
			case "Ye" -> 0.7;
			case "ey", "iy" -> 0.3;
			case "@G", "AG" -> 0.3;
			// Latin vowels against each other
			case "Uu", "Ii" -> 0.1;
			case "ou", "Uo", "IJ", "Ji" -> 0.3;
			case "Je" -> 0.4;
			case "ae" -> 0.3;
			case "ao" -> 0.3;
			case "eo" -> 0.35;
			case "ei" -> 0.7;
			case "Ae", "Ao" -> 0.7;
			// consonants that spellings confuse
			case "gq", "kq", "hx", "kx", "gk" -> 0.4;
			case "Zj", "bp", "sz" -> 0.5;
			case "Sc", "Ss" -> 0.6;
			case "dt", "fv" -> 0.7;
			default -> 1.0;
		};
	}

}
