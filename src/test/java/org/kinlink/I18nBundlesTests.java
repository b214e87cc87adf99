package org.kinlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Keeps English, Persian and Albanian in step: every bundle has the same keys in all three languages, every
 * key a template or Java names exists, and no user-visible literal text hides in templates or Java.
 */
class I18nBundlesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		for (Path base : baseBundles()) {
			Set<String> keys = keys(base);
			for (String language : List.of("fa", "sq")) {
				Path translated = base.resolveSibling(base.getFileName().toString().replace(".properties", "_" + language + ".properties"));
				assertThat(translated).as("bundle %s in %s", base.getFileName(), language).exists();
				assertThat(keys(translated)).as("keys of %s", translated.getFileName()).isEqualTo(keys);
			}
		}
	}

	@Test
	void noTranslationIsEmpty() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				Properties properties = load(file);
				properties.forEach((key, value) -> assertThat(value.toString().strip())
					.as("%s in %s", key, file.getFileName()).isNotEmpty());
			}
		}
	}

	@Test
	void everyMessageKeyInTemplatesExists() throws IOException {
		Set<String> keys = allKeys();
		Pattern reference = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher matcher = reference.matcher(Files.readString(template));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literal = new ArrayList<>();
		for (Path template : templates()) {
			Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
			for (Element element : document.getAllElements()) {
				for (TextNode text : element.textNodes()) {
					if (LETTERS.matcher(text.text()).find() && !replacedByThymeleaf(element)) {
						literal.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + text.text().strip());
					}
				}
				for (String attribute : List.of("placeholder", "title", "alt", "aria-label", "value")) {
					String value = element.attr(attribute);
					boolean shownValue = !attribute.equals("value")
							|| element.tagName().equals("input") && element.attr("type").matches("submit|button|reset");
					if (shownValue && LETTERS.matcher(value).find()
							&& !element.hasAttr("th:" + attribute) && !element.hasAttr("th:attr")) {
						literal.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + value + "\"");
					}
				}
			}
		}
		assertThat(literal).isEmpty();
	}

	@Test
	void javaHoldsNoUserVisibleSentences() throws IOException {
		// A user-visible sentence in Java would be a literal of several words outside logs, SQL, exceptions and docs.
		Pattern sentence = Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}\\s+\\p{L}{2,}");
		Pattern allowedLine = Pattern.compile("(log\\.|LOG\\.|Exception\\(|@|-src |\\.sql\\(|font|Font|FONT|assert|policy|Directive)");
		Pattern sqlOrIdentifiers = Pattern.compile("(?i:^[\\s\\w,.()=:?*<>'-]*\\b(select|insert|update|delete|lock|create|where|order by|from|values|set)\\b.*)|^[a-z0-9_, ]+$");
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			boolean inTextBlock = false;
			for (String line : Files.readAllLines(file)) {
				if (line.contains("\"\"\"")) {
					inTextBlock = !inTextBlock;
					continue;
				}
				String code = line.strip();
				if (inTextBlock || code.startsWith("*") || code.startsWith("//") || code.startsWith("/*") || allowedLine.matcher(line).find()) {
					continue;
				}
				for (String literal : stringLiterals(code)) {
					if (sentence.matcher(literal).find() && !sqlOrIdentifiers.matcher(literal).matches()) {
						found.add(JAVA.relativize(file) + ": " + literal);
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	/** The contents of the string literals on one line of Java, escapes kept as written. */
	static List<String> stringLiterals(String line) {
		List<String> literals = new ArrayList<>();
		StringBuilder current = null;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (current == null) {
				if (c == '\'' && i + 2 < line.length()) {
					i += line.charAt(i + 1) == '\\' ? 3 : 2; // skip a char literal such as '"'
				}
				else if (c == '"') {
					current = new StringBuilder();
				}
				else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
					break;
				}
			}
			else if (c == '\\' && i + 1 < line.length()) {
				current.append(c).append(line.charAt(++i));
			}
			else if (c == '"') {
				literals.add(current.toString());
				current = null;
			}
			else {
				current.append(c);
			}
		}
		return literals;
	}

	@Test
	void everyMessageCodeNamedInJavaExists() throws IOException {
		Set<String> keys = allKeys();
		Pattern code = Pattern.compile("(?:Exception|rejectValue|reject|getMessage|message)\\((?:\"\\w+\",\\s*)?\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");
		List<String> missing = new ArrayList<>();
		for (Path file : javaFiles()) {
			Matcher matcher = code.matcher(Files.readString(file));
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(JAVA.relativize(file) + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static boolean replacedByThymeleaf(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
					|| e.hasAttr("th:remove") || e.hasAttr("th:errors")) {
				return true;
			}
		}
		return false;
	}

	private static List<Path> baseBundles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList();
		}
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path base : baseBundles()) {
			keys.addAll(keys(base));
		}
		return keys;
	}

	private static Set<String> keys(Path file) throws IOException {
		Set<String> keys = new TreeSet<>();
		load(file).keySet().forEach(k -> keys.add(k.toString()));
		return keys;
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static List<Path> javaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(JAVA)) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

}
