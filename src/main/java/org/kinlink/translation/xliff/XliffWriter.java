package org.kinlink.translation.xliff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.kinlink.translation.tasks.TaskSegment;
import org.kinlink.translation.tasks.TranslationTask;

/**
 * Writes a task as an XLIFF 2.0 document (OASIS, urn:oasis:names:tc:xliff:document:2.0): srcLang and trgLang
 * of the task, one file whose id is the task's id, one unit per segment whose id is the segment's number, the
 * source and the target typed so far. The text holds no inline codes: Kinlink's sentences are plain text.
 */
final class XliffWriter {

	static final String NS = "urn:oasis:names:tc:xliff:document:2.0";

	static final String ORIGINAL_PREFIX = "kinlink:translation-task:";

	private XliffWriter() {
	}

	static byte[] write(TranslationTask task, List<TaskSegment> segments) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("xliff");
			xml.writeDefaultNamespace(NS);
			xml.writeAttribute("version", "2.0");
			xml.writeAttribute("srcLang", task.sourceLanguage());
			xml.writeAttribute("trgLang", task.targetLanguage());
			xml.writeCharacters("\n ");
			xml.writeStartElement("file");
			xml.writeAttribute("id", task.id().toString());
			xml.writeAttribute("original", ORIGINAL_PREFIX + task.id());
			for (TaskSegment segment : segments) {
				unit(xml, segment);
			}
			xml.writeCharacters("\n ");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("XLIFF could not be written", ex);
		}
		return out.toByteArray();
	}

	private static void unit(XMLStreamWriter xml, TaskSegment segment) throws XMLStreamException {
		boolean translated = segment.target() != null && !segment.target().isBlank();
		xml.writeCharacters("\n  ");
		xml.writeStartElement("unit");
		xml.writeAttribute("id", String.valueOf(segment.number()));
		xml.writeCharacters("\n   ");
		xml.writeStartElement("segment");
		xml.writeAttribute("id", String.valueOf(segment.number()));
		xml.writeAttribute("state", translated ? "translated" : "initial");
		xml.writeCharacters("\n    ");
		xml.writeStartElement("source");
		xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
		xml.writeCharacters(xmlSafe(segment.source()));
		xml.writeEndElement();
		if (translated) {
			xml.writeCharacters("\n    ");
			xml.writeStartElement("target");
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "space", "preserve");
			xml.writeCharacters(xmlSafe(segment.target()));
			xml.writeEndElement();
		}
		xml.writeCharacters("\n   ");
		xml.writeEndElement();
		xml.writeCharacters("\n  ");
		xml.writeEndElement();
	}

	/** Characters XML 1.0 cannot carry become U+FFFD (stored texts never hold them; this keeps the file valid). */
	static String xmlSafe(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean legal = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
					|| c >= 0x10000 && c <= 0x10FFFF;
			out.appendCodePoint(legal ? c : 0xFFFD);
		});
		return out.toString();
	}

}
