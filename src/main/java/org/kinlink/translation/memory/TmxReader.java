package org.kinlink.translation.memory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a TMX 1.4 document with the JDK's StAX parser, DTDs and external entities off (a DOCTYPE line is
 * skipped, never fetched; an entity it would declare is refused). Keeps, per translation unit, the text of
 * each variant's seg by language; inline codes (bpt, ept, ph, it, ut) are native markup and left out. Any
 * problem is a {@link TmxProblem} with a message code; nothing is half-read.
 */
final class TmxReader {

	static final int MAX_SEGMENT = 10_000;

	private static final Set<String> CODES = Set.of("bpt", "ept", "ph", "it", "ut");

	private static final Set<String> VERSIONS = Set.of("1.4", "1.4b");

	private TmxReader() {
	}

	/** A TMX document: its header's source language and its units (numbered from 1). */
	record TmxDocument(String sourceLanguage, List<Unit> units) {
	}

	/** One tu: its number in the file and the seg text by language tag as written (blank when empty). */
	record Unit(int number, Map<String, String> segments) {
	}

	static TmxDocument read(InputStream input, long maxBytes) throws TmxProblem {
		LimitedInputStream in = new LimitedInputStream(input, maxBytes);
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(in);
			return document(xml);
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (in.exceeded()) {
				throw new TmxProblem("memory.import.tooLarge", maxBytes / (1024 * 1024));
			}
			throw new TmxProblem("memory.import.notXml");
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ex) {
					// nothing more to read
				}
			}
		}
	}

	static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	private static TmxDocument document(XMLStreamReader xml) throws XMLStreamException, TmxProblem {
		int first = next(xml);
		while (first == XMLStreamConstants.DTD || first == XMLStreamConstants.COMMENT
				|| first == XMLStreamConstants.PROCESSING_INSTRUCTION || first == XMLStreamConstants.SPACE
				|| first == XMLStreamConstants.CHARACTERS && xml.isWhiteSpace()) {
			first = next(xml);
		}
		if (first != XMLStreamConstants.START_ELEMENT || !"tmx".equals(xml.getLocalName())) {
			throw new TmxProblem("memory.import.notTmx");
		}
		String version = xml.getAttributeValue(null, "version");
		if (version == null || !VERSIONS.contains(version.strip())) {
			throw new TmxProblem("memory.import.version",
					version == null ? "-" : version.strip().substring(0, Math.min(12, version.strip().length())));
		}
		String sourceLanguage = null;
		boolean header = false;
		boolean body = false;
		List<Unit> units = new ArrayList<>();
		int event;
		while ((event = next(xml)) != XMLStreamConstants.END_DOCUMENT) {
			if (event == XMLStreamConstants.START_ELEMENT) {
				switch (xml.getLocalName()) {
					case "header" -> {
						header = true;
						sourceLanguage = xml.getAttributeValue(null, "srclang");
						skip(xml);
					}
					case "body" -> body = true;
					case "tu" -> {
						if (!body) {
							throw new TmxProblem("memory.import.notTmx");
						}
						units.add(unit(xml, units.size() + 1));
					}
					default -> skip(xml);
				}
			}
		}
		if (!header || !body) {
			throw new TmxProblem("memory.import.notTmx");
		}
		if (sourceLanguage == null || sourceLanguage.isBlank()) {
			throw new TmxProblem("memory.import.noSourceLanguage");
		}
		return new TmxDocument(sourceLanguage.strip(), units);
	}

	private static Unit unit(XMLStreamReader xml, int number) throws XMLStreamException, TmxProblem {
		Map<String, String> segments = new LinkedHashMap<>();
		int depth = 1;
		while (depth > 0) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				if ("tuv".equals(xml.getLocalName())) {
					String language = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
					if (language == null) {
						language = xml.getAttributeValue(null, "lang");
					}
					if (language == null || language.isBlank()) {
						throw new TmxProblem("memory.import.noLanguage", number);
					}
					segments.put(language.strip(), variant(xml, number));
				}
				else {
					skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return new Unit(number, segments);
	}

	/** The text of the seg of a tuv (the reader is on the tuv's start and ends on its end). */
	private static String variant(XMLStreamReader xml, int number) throws XMLStreamException, TmxProblem {
		String text = "";
		int depth = 1;
		while (depth > 0) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				if ("seg".equals(xml.getLocalName())) {
					text = segment(xml, number);
				}
				else {
					skip(xml);
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
		return text;
	}

	private static String segment(XMLStreamReader xml, int number) throws XMLStreamException, TmxProblem {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0) {
			int event = next(xml);
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (CODES.contains(xml.getLocalName())) {
					skip(xml);
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE) {
				text.append(xml.getText());
				if (text.length() > MAX_SEGMENT) {
					throw new TmxProblem("memory.import.segmentTooLong", number);
				}
			}
		}
		return text.toString().strip();
	}

	/** Skips the element the reader is on, with everything inside it. */
	private static void skip(XMLStreamReader xml) throws XMLStreamException, TmxProblem {
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

	/** The next event; an entity reference (only possible through a DTD) is refused. */
	private static int next(XMLStreamReader xml) throws XMLStreamException, TmxProblem {
		if (!xml.hasNext()) {
			return XMLStreamConstants.END_DOCUMENT;
		}
		int event = xml.next();
		if (event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw new TmxProblem("memory.import.entities");
		}
		return event;
	}

}
