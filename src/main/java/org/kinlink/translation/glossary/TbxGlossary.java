package org.kinlink.translation.glossary;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * A glossary as TBX: written as TBX-Basic in the TBX v3 core structure (tbx, text/body, conceptEntry, langSec,
 * termSec, term; the kind as descrip type="subjectField", the note as note), read from that or from TBX 2008
 * (martif, termEntry, langSet, tig or ntig). Read with StAX with DTDs and external entities off: a file with a
 * document type declaration is refused, so no entity is ever expanded.
 */
final class TbxGlossary {

	static final String NAMESPACE = "urn:iso:std:iso:30042:ed-2";

	private static final Set<String> ENTRIES = Set.of("conceptEntry", "termEntry");

	private static final Set<String> LANGUAGE_SECTIONS = Set.of("langSec", "langSet");

	private static final Set<String> ROOTS = Set.of("tbx", "martif");

	private TbxGlossary() {
	}

	static XMLInputFactory inputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	static ImportedTerms read(byte[] bytes, LanguagePair pair) {
		Optional<String> text = GlossaryFiles.text(bytes);
		if (text.isEmpty()) {
			return ImportedTerms.refused(ImportProblem.file("glossary.import.notText"));
		}
		XMLStreamReader xml = null;
		try {
			xml = inputFactory().createXMLStreamReader(new StringReader(text.get()));
			return new Reading(xml, pair).read();
		}
		catch (XMLStreamException | RuntimeException ex) {
			return ImportedTerms.refused(ImportProblem.file("glossary.import.notXml"));
		}
		finally {
			if (xml != null) {
				try {
					xml.close();
				}
				catch (XMLStreamException ex) {
					// nothing was kept open but the reader itself
				}
			}
		}
	}

	/** One pass over the file: entries with their terms per language, kind and note. */
	private static final class Reading {

		private final XMLStreamReader xml;

		private final LanguagePair pair;

		private final List<ImportedTerms.Row> rows = new ArrayList<>();

		private final List<ImportProblem> problems = new ArrayList<>();

		private final Set<String> languages = new TreeSet<>();

		private Entry entry;

		private String language;

		Reading(XMLStreamReader xml, LanguagePair pair) {
			this.xml = xml;
			this.pair = pair;
		}

		ImportedTerms read() throws XMLStreamException {
			boolean root = true;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
					return ImportedTerms.refused(ImportProblem.file("glossary.import.doctype"));
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (root && !ROOTS.contains(xml.getLocalName())) {
						return ImportedTerms.refused(ImportProblem.file("glossary.import.notTbx"));
					}
					root = false;
					if (!start()) {
						return ImportedTerms.refused(ImportProblem.file("glossary.import.tooMany", GlossaryFiles.MAX_TERMS));
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					end();
				}
			}
			if (rows.isEmpty() && problems.isEmpty()) {
				return ImportedTerms.refused(languages.isEmpty() || languages.contains(pair.source())
						? ImportProblem.file("glossary.import.empty")
						: ImportProblem.file("glossary.import.tbxLanguages", String.join(", ", languages), pair.source(),
								pair.target()));
			}
			return new ImportedTerms(rows, problems);
		}

		/** Handles a start tag; false when the file holds too many entries. */
		private boolean start() throws XMLStreamException {
			String name = xml.getLocalName();
			if (ENTRIES.contains(name)) {
				if (rows.size() + problems.size() >= GlossaryFiles.MAX_TERMS) {
					return false;
				}
				entry = new Entry(xml.getLocation().getLineNumber());
			}
			else if (entry != null && LANGUAGE_SECTIONS.contains(name)) {
				language = GlossaryFiles.language(xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
				languages.add(CsvGlossary.clip(language));
			}
			else if (entry != null && language != null && name.equals("term")) {
				entry.terms.computeIfAbsent(language, l -> new ArrayList<>()).add(xml.getElementText());
			}
			else if (entry != null && language == null && name.equals("descrip")
					&& "subjectField".equals(xml.getAttributeValue(null, "type"))) {
				entry.kind = xml.getElementText();
			}
			else if (entry != null && language == null && name.equals("note")) {
				entry.note = xml.getElementText();
			}
			return true;
		}

		private void end() {
			String name = xml.getLocalName();
			if (LANGUAGE_SECTIONS.contains(name)) {
				language = null;
			}
			else if (ENTRIES.contains(name) && entry != null) {
				finish(entry);
				entry = null;
			}
		}

		private void finish(Entry done) {
			List<String> sources = done.terms.getOrDefault(pair.source(), List.of());
			List<String> targets = done.terms.getOrDefault(pair.target(), List.of());
			if (sources.isEmpty() && done.terms.isEmpty()) {
				problems.add(ImportProblem.at(done.line, "glossary.import.noTerm"));
				return;
			}
			if (sources.isEmpty()) {
				return; // an entry of other languages only: not for this glossary
			}
			if (targets.isEmpty()) {
				problems.add(ImportProblem.at(done.line, "glossary.import.noRendering", pair.target()));
				return;
			}
			TermKind kind = TermKind.TERM;
			if (done.kind != null && !done.kind.isBlank()) {
				Optional<TermKind> parsed = CsvGlossary.kind(done.kind);
				if (parsed.isEmpty()) {
					problems.add(ImportProblem.at(done.line, "glossary.import.kind", CsvGlossary.clip(done.kind)));
					return;
				}
				kind = parsed.get();
			}
			for (String source : sources) {
				rows.add(new ImportedTerms.Row(done.line, TermRules.clean(kind, source, targets, done.note)));
			}
		}

	}

	private static final class Entry {

		private final int line;

		private final Map<String, List<String>> terms = new LinkedHashMap<>();

		private String kind;

		private String note;

		Entry(int line) {
			this.line = line;
		}

	}

	static byte[] write(List<GlossaryTerm> terms, LanguagePair pair) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("tbx");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeAttribute("type", "TBX-Basic");
			xml.writeAttribute("style", "dca");
			xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", pair.source());
			xml.writeStartElement("tbxHeader");
			xml.writeStartElement("fileDesc");
			xml.writeStartElement("sourceDesc");
			xml.writeStartElement("p");
			xml.writeCharacters("Kinlink glossary " + pair.source() + "-" + pair.target());
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeStartElement("text");
			xml.writeStartElement("body");
			for (GlossaryTerm term : terms) {
				entry(xml, term, pair);
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("TBX could not be written", ex);
		}
		return out.toByteArray();
	}

	private static void entry(XMLStreamWriter xml, GlossaryTerm term, LanguagePair pair) throws XMLStreamException {
		xml.writeStartElement("conceptEntry");
		xml.writeAttribute("id", "c" + term.id().toString().replace("-", ""));
		xml.writeStartElement("descrip");
		xml.writeAttribute("type", "subjectField");
		xml.writeCharacters(term.kind().name().toLowerCase(java.util.Locale.ROOT));
		xml.writeEndElement();
		if (term.note() != null) {
			xml.writeStartElement("note");
			xml.writeCharacters(term.note());
			xml.writeEndElement();
		}
		language(xml, pair.source(), List.of(term.term()));
		language(xml, pair.target(), term.renderings());
		xml.writeEndElement();
	}

	private static void language(XMLStreamWriter xml, String language, List<String> terms) throws XMLStreamException {
		xml.writeStartElement("langSec");
		xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
		for (String term : terms) {
			xml.writeStartElement("termSec");
			xml.writeStartElement("term");
			xml.writeCharacters(term);
			xml.writeEndElement();
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
