package org.kinlink.translation.xliff;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the targets out of an XLIFF 2.0 file that came back from a CAT tool (OmegaT, MateCat...), for one task.
 * The JDK's StAX parser with DTDs and external entities off; a document with a DOCTYPE is refused outright. The
 * file must be XLIFF 2.x (core namespace urn:oasis:names:tc:xliff:document:2.0), of this task (its file id or
 * original), of the task's languages, and name only units 1 to the number of segments, each once. Inside a
 * target, paired codes ({@code <pc>}) and annotations ({@code <mrk>}) keep their text, markers ({@code <sm/>},
 * {@code <em/>}) are dropped and {@code <cp/>} gives its character; placeholders and standalone codes
 * ({@code <ph/>}, {@code <sc/>}, {@code <ec/>}) are refused, since Kinlink's sentences have no codes they could
 * stand for. Anything else inside a unit (notes, original data, modules such as matches) is skipped.
 */
final class XliffReader {

	private static final String NS_12 = "urn:oasis:names:tc:xliff:document:1.2";

	private static final int MAX_DEPTH = 64;

	private XliffReader() {
	}

	/** What the file must match: the task, its languages and its number of segments. */
	record Expected(UUID taskId, String sourceLanguage, String targetLanguage, int segments) {
	}

	/** The targets the file holds, by unit (segment) number; a unit without a target is absent. */
	static Map<Integer, String> read(byte[] bytes, Expected expected) {
		try {
			XMLStreamReader xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
			try {
				return document(xml, expected);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (ex instanceof XliffRefusedException refused) {
				throw refused;
			}
			throw new XliffRefusedException("xliff.error.notXml");
		}
	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	private static Map<Integer, String> document(XMLStreamReader xml, Expected expected) throws XMLStreamException {
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
				throw new XliffRefusedException("xliff.error.doctype");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				root(xml, expected);
				return files(xml, expected);
			}
		}
		throw new XliffRefusedException("xliff.error.notXml");
	}

	private static void root(XMLStreamReader xml, Expected expected) {
		String namespace = xml.getNamespaceURI();
		String version = attribute(xml, "version");
		if (!"xliff".equals(xml.getLocalName())) {
			throw new XliffRefusedException("xliff.error.notXliff");
		}
		if (NS_12.equals(namespace) || version.startsWith("1.")) {
			throw new XliffRefusedException("xliff.error.version", version.isEmpty() ? "1.2" : shortened(version));
		}
		if (!XliffWriter.NS.equals(namespace) || !version.matches("2\\.[01]")) {
			throw new XliffRefusedException("xliff.error.notXliff");
		}
		String source = attribute(xml, "srcLang");
		String target = attribute(xml, "trgLang");
		if (!sameLanguage(source, expected.sourceLanguage()) || !sameLanguage(target, expected.targetLanguage())) {
			throw new XliffRefusedException("xliff.error.languages", shortened(source), shortened(target),
					expected.sourceLanguage(), expected.targetLanguage());
		}
	}

	private static Map<Integer, String> files(XMLStreamReader xml, Expected expected) throws XMLStreamException {
		Map<Integer, String> targets = new LinkedHashMap<>();
		java.util.Set<Integer> units = new java.util.HashSet<>();
		boolean seen = false;
		boolean anyUnit = false;
		while (next(xml) != XMLStreamConstants.END_ELEMENT) {
			if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (!"file".equals(xml.getLocalName()) || !XliffWriter.NS.equals(xml.getNamespaceURI())) {
				skip(xml);
				continue;
			}
			String id = attribute(xml, "id");
			String original = attribute(xml, "original");
			boolean ours = id.equals(expected.taskId().toString())
					|| original.equals(XliffWriter.ORIGINAL_PREFIX + expected.taskId());
			if (seen || !ours) {
				throw new XliffRefusedException("xliff.error.otherTask");
			}
			seen = true;
			anyUnit = units(xml, expected, targets, units, 0) || anyUnit;
		}
		if (!seen) {
			throw new XliffRefusedException("xliff.error.otherTask");
		}
		if (!anyUnit) {
			throw new XliffRefusedException("xliff.error.noUnits");
		}
		return targets;
	}

	/** The units of a file or of a group (groups nest); whether there was any. */
	private static boolean units(XMLStreamReader xml, Expected expected, Map<Integer, String> targets,
			java.util.Set<Integer> seen, int depth) throws XMLStreamException {
		if (depth > MAX_DEPTH) {
			throw new XliffRefusedException("xliff.error.notXliff");
		}
		boolean any = false;
		while (next(xml) != XMLStreamConstants.END_ELEMENT) {
			if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			boolean core = XliffWriter.NS.equals(xml.getNamespaceURI());
			if (core && "group".equals(xml.getLocalName())) {
				any = units(xml, expected, targets, seen, depth + 1) || any;
			}
			else if (core && "unit".equals(xml.getLocalName())) {
				int number = unitNumber(attribute(xml, "id"), expected);
				if (!seen.add(number)) {
					throw new XliffRefusedException("xliff.error.duplicateUnit", number);
				}
				String target = unit(xml, number);
				if (target != null) {
					targets.put(number, target);
				}
				any = true;
			}
			else {
				skip(xml);
			}
		}
		return any;
	}

	private static int unitNumber(String id, Expected expected) {
		if (id.matches("\\d{1,6}")) {
			int number = Integer.parseInt(id);
			if (number >= 1 && number <= expected.segments()) {
				return number;
			}
		}
		throw new XliffRefusedException("xliff.error.unknownUnit", shortened(id), expected.segments());
	}

	/** The unit's target: its segments' and ignorables' targets in order; null when no segment has one. */
	private static String unit(XMLStreamReader xml, int number) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		boolean anyTarget = false;
		while (next(xml) != XMLStreamConstants.END_ELEMENT) {
			if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			boolean core = XliffWriter.NS.equals(xml.getNamespaceURI());
			boolean segment = core && "segment".equals(xml.getLocalName());
			if (segment || core && "ignorable".equals(xml.getLocalName())) {
				String[] parts = sourceAndTarget(xml, number);
				if (parts[1] != null) {
					text.append(parts[1]);
					anyTarget = anyTarget || segment;
				}
				else if (!segment) {
					text.append(parts[0] == null ? "" : parts[0]);
				}
			}
			else {
				skip(xml);
			}
		}
		return anyTarget ? text.toString() : null;
	}

	private static String[] sourceAndTarget(XMLStreamReader xml, int number) throws XMLStreamException {
		String[] parts = new String[2];
		while (next(xml) != XMLStreamConstants.END_ELEMENT) {
			if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			boolean core = XliffWriter.NS.equals(xml.getNamespaceURI());
			if (core && "source".equals(xml.getLocalName())) {
				parts[0] = content(xml, number, 0);
			}
			else if (core && "target".equals(xml.getLocalName())) {
				parts[1] = content(xml, number, 0);
			}
			else {
				skip(xml);
			}
		}
		return parts;
	}

	/** The text of a source or target, inline elements handled as the class says; ends on its end tag. */
	private static String content(XMLStreamReader xml, int number, int depth) throws XMLStreamException {
		if (depth > MAX_DEPTH) {
			throw new XliffRefusedException("xliff.error.notXliff");
		}
		StringBuilder text = new StringBuilder();
		while (next(xml) != XMLStreamConstants.END_ELEMENT) {
			int event = xml.getEventType();
			if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				text.append(xml.getText());
			}
			else if (event == XMLStreamConstants.START_ELEMENT) {
				String name = XliffWriter.NS.equals(xml.getNamespaceURI()) ? xml.getLocalName() : "";
				switch (name) {
					case "pc", "mrk" -> text.append(content(xml, number, depth + 1));
					case "sm", "em" -> skip(xml);
					case "cp" -> text.append(codePoint(attribute(xml, "hex"), number)).append(skipped(xml));
					case "ph", "sc", "ec" -> throw new XliffRefusedException("xliff.error.inlineCode", number, name);
					default -> throw new XliffRefusedException("xliff.error.inlineCode", number, shortened(xml.getLocalName()));
				}
			}
		}
		return text.toString();
	}

	private static String codePoint(String hex, int number) {
		if (hex.matches("[0-9A-Fa-f]{1,6}")) {
			int c = Integer.parseInt(hex, 16);
			if (Character.isValidCodePoint(c)) {
				return new String(Character.toChars(c));
			}
		}
		throw new XliffRefusedException("xliff.error.inlineCode", number, "cp");
	}

	/** The next event, refusing a DOCTYPE or an entity reference anywhere. */
	private static int next(XMLStreamReader xml) throws XMLStreamException {
		int event = xml.next();
		if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw new XliffRefusedException("xliff.error.doctype");
		}
		if (event == XMLStreamConstants.END_DOCUMENT) {
			throw new XliffRefusedException("xliff.error.notXml");
		}
		return event;
	}

	/** Skips the element the reader is on, with everything in it. */
	private static void skip(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	private static String skipped(XMLStreamReader xml) throws XMLStreamException {
		skip(xml);
		return "";
	}

	private static String attribute(XMLStreamReader xml, String name) {
		String value = xml.getAttributeValue(null, name);
		return value == null ? "" : value.strip();
	}

	/**
	 * Whether a language tag of the file names the task's language: the same primary subtag ("fa-IR" is "fa"),
	 * or Persian of Afghanistan for Dari.
	 */
	static boolean sameLanguage(String tag, String language) {
		String lower = tag.toLowerCase(Locale.ROOT).replace('_', '-');
		String primary = lower.contains("-") ? lower.substring(0, lower.indexOf('-')) : lower;
		return primary.equals(language) || "prs".equals(language) && lower.equals("fa-af");
	}

	/** A value from the file as the message may quote it: at most 40 characters. */
	private static String shortened(String value) {
		String safe = value.codePoints().filter(c -> !Character.isISOControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
		return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
	}

}
