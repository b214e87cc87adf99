package org.kinlink.media.processing;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The child process that renders a PDF's pages (run by {@link PdfRenderer} in its own small JVM, so a hostile
 * PDF can exhaust only that JVM): reads the PDF on stdin, keeps it in memory (no scratch file), writes to
 * stdout the page count, then per page its number and a PNG (each framed by its length), then 0.
 * Exit codes: 0 done, {@value #DAMAGED} not a readable PDF, {@value #ENCRYPTED} protected by a password.
 */
public final class PdfPages {

	static final int DAMAGED = 10;

	static final int ENCRYPTED = 11;

	/** Longest side of a rendered page in pixels (an A4 page at 300 dpi). */
	static final int MAX_SIDE = 3508;

	private PdfPages() {
	}

	public static void main(String[] args) throws IOException {
		int maxPages = args.length > 0 ? Integer.parseInt(args[0]) : 50;
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
		// Whatever a library prints must not mix with the frames.
		System.setOut(System.err);
		// ImageIO must not cache the PNG it writes in a temporary file: that would be plaintext on disk.
		ImageIO.setUseCache(false);
		PDDocument document;
		try {
			document = Loader.loadPDF(new RandomAccessReadBuffer(System.in), "", null, null,
					org.apache.pdfbox.io.IOUtils.createMemoryOnlyStreamCache());
		}
		catch (InvalidPasswordException ex) {
			System.exit(ENCRYPTED);
			return;
		}
		catch (IOException | RuntimeException ex) {
			System.exit(DAMAGED);
			return;
		}
		try (document) {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				System.exit(DAMAGED);
			}
			out.writeInt(pages);
			PDFRenderer renderer = new PDFRenderer(document);
			for (int i = 0; i < Math.min(pages, maxPages); i++) {
				PDRectangle box = document.getPage(i).getCropBox();
				float longest = Math.max(box.getWidth(), box.getHeight());
				float scale = Math.min(300f / 72f, MAX_SIDE / Math.max(longest, 1f));
				BufferedImage image;
				try {
					image = renderer.renderImage(i, scale, ImageType.RGB);
				}
				catch (IOException | RuntimeException ex) {
					System.exit(DAMAGED);
					return;
				}
				ByteArrayOutputStream png = new ByteArrayOutputStream();
				ImageIO.write(image, "png", png);
				out.writeInt(i + 1);
				out.writeInt(png.size());
				png.writeTo(out);
				out.flush();
			}
			out.writeInt(0);
			out.flush();
		}
		System.exit(0);
	}

}
