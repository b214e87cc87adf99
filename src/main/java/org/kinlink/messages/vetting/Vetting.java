package org.kinlink.messages.vetting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kinlink.shared.text.PersianText;

/**
 * Finds what a reviewer must look at before a letter leaves the organisation: phone numbers (Latin, Persian
 * or Arabic-Indic digits), e-mail addresses, web addresses, social media handles and street addresses (Persian,
 * Albanian and English markers). It flags for a person to decide; it changes nothing.
 */
public final class Vetting {

	private static final String STOP = "[^\\s.!?؟؛;,،:«»()\\[\\]]+";

	/*
	 * The e-mail and bare-domain patterns match a whole run of the characters an address may hold, with
	 * possessive quantifiers and without repeated groups; where the address ends (the last label of two letters
	 * or more, a known top-level domain) is decided in code. Letters are written by anyone: a pattern that
	 * backtracks or recurses over a long crafted run (a@a.a.a.a...) would stall or crash the reviewer's page
	 * (found by SpotBugs/FindSecBugs REDOS, issue #6).
	 */
	private static final Pattern EMAIL = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}][\\p{L}\\p{N}.-]*+");

	private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"'«»]++");

	private static final Pattern HOST = Pattern.compile("(?i)(?<![\\p{L}\\p{N}@.-])[a-z0-9-]++[.][a-z0-9.-]*+");

	/** What a web address's path may hold after its host. */
	private static final String NOT_IN_PATH = "<>\"'«»";

	private static final java.util.Set<String> TOP_LEVEL = java.util.Set.of("com", "org", "net", "ir", "al", "info",
			"io", "me", "co", "uk", "de", "eu", "gov", "edu", "ru", "tv", "app");

	private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_@.])@[A-Za-z0-9_]{3,32}(?![A-Za-z0-9_])");

	private static final Pattern PHONE = Pattern.compile("(?<![\\p{N}\\p{L}])(?:\\+|00)?\\d(?:[ \\u00A0\\-.()]{0,2}\\d){6,16}(?!\\p{N})");

	private static final Pattern NOT_A_PHONE = Pattern
		.compile("\\d{4}[-.]\\d{1,2}[-.]\\d{1,2}|\\d{1,2}[-.]\\d{1,2}[-.]\\d{4}|\\d{4} ?- ?\\d{4}");

	/** Words that come before the name or number in an address; the excerpt ends before the next one. */
	private static final String MARKER = "(?<![\\p{L}\\u200C])"
			+ "(?:خیابان|کوچه|پلاک|بلوار|بزرگراه|میدان|کوی|بن\\u200Cبست|کد ?پستی|نشانی|آدرس"
			+ "|Rruga|Rrugën|Rrugës|Rr\\.|Lagjja|Lagjen|Lagjes|Pallati|Shkalla|Apartamenti|Kodi postar"
			+ "|P\\.? ?O\\.? Box|Apartment|Apt\\.|Flat|Postcode)(?![\\p{L}\\u200C])";

	private static final Pattern ADDRESS_BEFORE_NAME = Pattern
		.compile(MARKER + "(?:[ \\u00A0]+(?!" + MARKER + ")" + STOP + "){1,3}");

	private static final Pattern ADDRESS_AFTER_NAME = Pattern.compile("(?:(?<![\\p{L}\\p{N}])[\\p{Lu}\\d][\\p{L}\\d'’-]*[ \\u00A0]+){1,3}"
			+ "(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Boulevard|Blvd\\.|Square)(?![\\p{L}])");

	private static final String TRAILING = ".,;:!?)»،؛؟'\"";

	private Vetting() {
	}

	/** The flags in a letter, in text order; where two would overlap, the more specific one wins. */
	public static List<VettingFlag> flags(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		String digits = PersianText.latinDigits(text); // same length: every Persian digit is one code unit
		List<VettingFlag> flags = new ArrayList<>();
		find(EMAIL, VettingFlag.Kind.EMAIL, text, digits, flags);
		find(URL, VettingFlag.Kind.URL, text, digits, flags);
		find(HOST, VettingFlag.Kind.URL, text, digits, flags);
		find(HANDLE, VettingFlag.Kind.HANDLE, text, digits, flags);
		find(PHONE, VettingFlag.Kind.PHONE, text, digits, flags);
		find(ADDRESS_BEFORE_NAME, VettingFlag.Kind.ADDRESS, text, digits, flags);
		find(ADDRESS_AFTER_NAME, VettingFlag.Kind.ADDRESS, text, digits, flags);
		flags.sort(Comparator.comparingInt(VettingFlag::start));
		return List.copyOf(flags);
	}

	/** The text cut into plain and flagged runs; joined together they give the text back unchanged. */
	public static List<TextPart> parts(String text, List<VettingFlag> flags) {
		List<TextPart> parts = new ArrayList<>();
		int at = 0;
		for (VettingFlag flag : flags) {
			if (flag.start() > at) {
				parts.add(new TextPart(text.substring(at, flag.start()), null));
			}
			parts.add(new TextPart(text.substring(flag.start(), flag.end()), flag.kind()));
			at = flag.end();
		}
		if (at < text.length()) {
			parts.add(new TextPart(text.substring(at), null));
		}
		return parts;
	}

	private static void find(Pattern pattern, VettingFlag.Kind kind, String text, String digits, List<VettingFlag> flags) {
		Matcher matcher = pattern.matcher(digits);
		while (matcher.find()) {
			int start = matcher.start();
			int end = switch (kind) {
				case EMAIL -> emailEnd(digits, start, matcher.end());
				default -> pattern == HOST ? hostEnd(digits, start, matcher.end()) : matcher.end();
			};
			if (end < 0) {
				continue;
			}
			end = trimEnd(digits, start, end);
			if (kind == VettingFlag.Kind.PHONE && !isPhone(digits.substring(start, end))) {
				continue;
			}
			VettingFlag flag = new VettingFlag(kind, start, end, text.substring(start, end));
			if (end > start && flags.stream().noneMatch(flag::overlaps)) {
				flags.add(flag);
			}
		}
	}

	/**
	 * Where an e-mail address found in [start, end) ends: after the rightmost label of two letters or more that
	 * follows a dot of the domain (a@b.com1 gives a@b.com); -1 when there is none.
	 */
	static int emailEnd(String text, int start, int end) {
		int at = text.indexOf('@', start);
		for (int dot = end - 1; dot > at + 1; dot--) {
			if (text.charAt(dot) == '.' && text.charAt(dot - 1) != '.') {
				int letters = dot + 1;
				while (letters < end && Character.isLetter(text.charAt(letters))) {
					letters++;
				}
				if (letters - dot - 1 >= 2) {
					return letters;
				}
			}
		}
		return -1;
	}

	/**
	 * Where a bare web address found in [start, end) ends: its host must end with a known top-level domain not
	 * followed by a letter or digit (so "example.com" but not "example.common"); a path right after it is kept.
	 */
	static int hostEnd(String text, int start, int hostEnd) {
		int end = hostEnd;
		if (end < text.length() && text.charAt(end) == '/') {
			while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && NOT_IN_PATH.indexOf(text.charAt(end)) < 0) {
				end++;
			}
		}
		for (int dot = hostEnd - 1; dot > start; dot--) {
			if (text.charAt(dot) != '.') {
				continue;
			}
			int label = dot + 1;
			while (label < hostEnd && Character.isLetter(text.charAt(label))) {
				label++;
			}
			boolean followedByNameCharacter = label < text.length() && Character.isLetterOrDigit(text.charAt(label));
			if (label > dot + 1 && !followedByNameCharacter
					&& TOP_LEVEL.contains(text.substring(dot + 1, label).toLowerCase(java.util.Locale.ROOT))) {
				return label == hostEnd ? end : label;
			}
		}
		return -1;
	}

	private static boolean isPhone(String candidate) {
		long count = candidate.chars().filter(Character::isDigit).count();
		return count >= 7 && count <= 15 && !NOT_A_PHONE.matcher(candidate.strip()).matches();
	}

	private static int trimEnd(String text, int start, int end) {
		while (end > start && (TRAILING.indexOf(text.charAt(end - 1)) >= 0 || Character.isWhitespace(text.charAt(end - 1)))) {
			end--;
		}
		return end;
	}

}
