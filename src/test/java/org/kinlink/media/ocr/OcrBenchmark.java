package org.kinlink.media.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.kinlink.shared.text.PersianText;

/**
 * OCR benchmark (issue #3, item 9): renders Persian pages from NTREX-128 (newstest2019-ref.fas.txt, CC BY-SA
 * 4.0, Federmann, Kocmi, Xin 2022) with Noto Naskh Arabic, clean and degraded like a photographed letter
 * (slight rotation, uneven light, low contrast, noise, JPEG), reads them with Tesseract (fas+eng) without
 * and with {@link PageCleanup} and with the AUTO choice, and prints the character error rate of each
 * (Levenshtein distance over normalised text / reference length). Run by bench/ocr-benchmark.sh; the
 * figures decide the default of kinlink.media.ocr.cleanup.
 */
public final class OcrBenchmark {

	private static final int WIDTH = 1654;

	private static final int HEIGHT = 2339;

	private OcrBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ntrex128");
		int pages = args.length > 1 ? Integer.parseInt(args[1]) : 6;
		int sentencesPerPage = 10;
		List<String> lines = Files.readAllLines(data.resolve("newstest2019-ref.fas.txt"), StandardCharsets.UTF_8);
		Tesseract tesseract = new Tesseract("tesseract", 2048, Duration.ofMinutes(5));
		if (!tesseract.available("fas+eng")) {
			System.err.println("Tesseract with fas and eng is not installed: " + Tesseract.INSTALL_HINT);
			System.exit(2);
		}
		PageReader reader = new PageReader(tesseract);
		Random random = new Random(20261125L);
		double[][] totals = new double[2][3];
		long[] referenceChars = new long[2];
		long[] millis = new long[2];
		int[] autoPickedCleaned = new int[2];
		System.out.printf(Locale.ROOT, "%-5s %-9s %6s %9s %9s %9s %7s%n", "page", "variant", "chars", "CER off", "CER on",
				"CER auto", "skew");
		for (int p = 0; p < pages; p++) {
			// Pages start at different documents of the corpus so that they do not share topics.
			int first = 40 + p * 300;
			String text = String.join(" ", lines.subList(first, first + sentencesPerPage));
			PersianPage.Rendered page = PersianPage.render(text, WIDTH, HEIGHT, 30f);
			for (int variant = 0; variant < 2; variant++) {
				byte[] image = variant == 0 ? png(page.image()) : degrade(page.image(), random);
				String reference = normalise(page.drawnText());
				long start = System.nanoTime();
				PageReader.PageText off = reader.read(new ByteArrayInputStream(image), "fas+eng", Cleanup.OFF);
				PageReader.PageText on = reader.read(new ByteArrayInputStream(image), "fas+eng", Cleanup.ON);
				millis[variant] += (System.nanoTime() - start) / 1_000_000;
				PageReader.PageText auto = on.confidence() > off.confidence() ? on : off;
				autoPickedCleaned[variant] += auto == on ? 1 : 0;
				double[] cer = { cer(reference, off), cer(reference, on), cer(reference, auto) };
				for (int m = 0; m < 3; m++) {
					totals[variant][m] += cer[m] * reference.length();
				}
				referenceChars[variant] += reference.length();
				double skew = PageCleanup.skew(PageCleanup.grey(ImageIO.read(new ByteArrayInputStream(image))));
				System.out.printf(Locale.ROOT, "%-5d %-9s %6d %8.2f%% %8.2f%% %8.2f%% %6.2f°%n", p + 1,
						variant == 0 ? "clean" : "degraded", reference.length(), cer[0] * 100, cer[1] * 100, cer[2] * 100, skew);
			}
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "%-15s %9s %9s %9s %14s %16s%n", "variant (all)", "CER off", "CER on", "CER auto",
				"auto->cleaned", "s/page (off+on)");
		for (int variant = 0; variant < 2; variant++) {
			System.out.printf(Locale.ROOT, "%-15s %8.2f%% %8.2f%% %8.2f%% %10d/%-3d %16.1f%n", variant == 0 ? "clean" : "degraded",
					100 * totals[variant][0] / referenceChars[variant], 100 * totals[variant][1] / referenceChars[variant],
					100 * totals[variant][2] / referenceChars[variant], autoPickedCleaned[variant], pages,
					millis[variant] / 1000.0 / pages);
		}
		System.out.printf(Locale.ROOT, "%nMachine: %d processors, Java %s, %s; Tesseract OMP_THREAD_LIMIT=1%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), System.getProperty("os.name"));
	}

	/** Like a phone photo of a letter: turned 1.5 to 3.5 degrees, light falling off to one side, low contrast, noise, JPEG. */
	static byte[] degrade(BufferedImage page, Random random) throws IOException {
		double angle = (1.5 + random.nextDouble() * 2) * (random.nextBoolean() ? 1 : -1);
		BufferedImage turned = PageCleanup.rotate(page, angle);
		BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
		byte[] src = ((java.awt.image.DataBufferByte) turned.getRaster().getDataBuffer()).getData();
		byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
		for (int y = 0; y < HEIGHT; y++) {
			for (int x = 0; x < WIDTH; x++) {
				double light = 0.75 + 0.25 * (double) x / WIDTH - 0.1 * (double) y / HEIGHT;
				double ink = (src[y * WIDTH + x] & 0xff) / 255.0;
				double value = (90 + ink * 110) * light + random.nextGaussian() * 14;
				dst[y * WIDTH + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(value)));
			}
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.7f);
			writer.write(null, new IIOImage(out, null, null), param);
		}
		writer.dispose();
		return bytes.toByteArray();
	}

	static byte[] png(BufferedImage image) throws IOException {
		return PageCleanup.png(image);
	}

	static double cer(String reference, PageReader.PageText read) {
		String hypothesis = normalise(TsvLines.text(read.lines()));
		return reference.isEmpty() ? 0 : (double) levenshtein(reference, hypothesis) / reference.length();
	}

	/** NFKC, Persian letter forms, half-spaces and line breaks as spaces, runs of spaces as one. */
	static String normalise(String text) {
		String persian = PersianText.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC));
		return persian.replace('\u200c', ' ').replaceAll("\\s+", " ").strip();
	}

	/** Edit distance over code points, two rows of memory. */
	static int levenshtein(String a, String b) {
		int[] x = a.codePoints().toArray();
		int[] y = b.codePoints().toArray();
		int[] previous = new int[y.length + 1];
		int[] current = new int[y.length + 1];
		for (int j = 0; j <= y.length; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= x.length; i++) {
			current[0] = i;
			for (int j = 1; j <= y.length; j++) {
				int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[y.length];
	}

}
