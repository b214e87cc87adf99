package org.kinlink.translation.memory;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the units of one language pair as a TMX 1.4 document in UTF-8: a header naming Kinlink as the
 * creation tool and the pair's source language, then one tu per unit with its date, who approved or imported
 * it and where it came from (a prop), and a tuv with xml:lang and seg for each language.
 */
final class TmxWriter {

	static final String TOOL = "Kinlink";

	static final String TOOL_VERSION = "1";

	private static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private TmxWriter() {
	}

	static byte[] write(LanguagePair pair, List<MemoryKeeping.Exported> units, Instant now) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, units.size() * 400));
		try {
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("tmx");
			xml.writeAttribute("version", "1.4");
			xml.writeCharacters("\n");
			xml.writeEmptyElement("header");
			xml.writeAttribute("creationtool", TOOL);
			xml.writeAttribute("creationtoolversion", TOOL_VERSION);
			xml.writeAttribute("segtype", "sentence");
			xml.writeAttribute("o-tmf", TOOL);
			xml.writeAttribute("adminlang", "en");
			xml.writeAttribute("srclang", pair.source());
			xml.writeAttribute("datatype", "plaintext");
			xml.writeAttribute("creationdate", TMX_DATE.format(now));
			xml.writeCharacters("\n");
			xml.writeStartElement("body");
			xml.writeCharacters("\n");
			for (MemoryKeeping.Exported exported : units) {
				xml.writeStartElement("tu");
				xml.writeAttribute("creationdate", TMX_DATE.format(exported.batch().createdAt()));
				xml.writeAttribute("creationid", clean(exported.batch().createdBy()));
				xml.writeStartElement("prop");
				xml.writeAttribute("type", "x-kinlink-origin");
				xml.writeCharacters(exported.batch().origin().name());
				xml.writeEndElement();
				variant(xml, pair.source(), exported.unit().source());
				variant(xml, pair.target(), exported.unit().target());
				xml.writeEndElement();
				xml.writeCharacters("\n");
			}
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("TMX could not be written", ex);
		}
		return bytes.toByteArray();
	}

	private static void variant(XMLStreamWriter xml, String language, String text) throws XMLStreamException {
		xml.writeStartElement("tuv");
		xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
		xml.writeStartElement("seg");
		xml.writeCharacters(clean(text));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	/** The text without characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
	static String clean(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
					|| c >= 0x10000 && c <= 0x10FFFF) {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

}
